package dev.blink.pg.internal.encode;

import dev.blink.pg.PgEncoder;
import dev.blink.pg.internal.CopyStream;

/** The user's {@link PgEncoder}s as encoders: a writer's bytes, a converter's value through the built-in form. */
final class CustomEncoders {

    private CustomEncoders() {
    }

    @SuppressWarnings("unchecked")
    static <T> Encoder writing(PgEncoder.Writer<T> encoder) {
        return (out, value) -> {
            out.begin();
            try {
                encoder.writer().accept((T) value, new Output(out));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw BadValue.of(encoder + " rejected it: " + e.getMessage());
            }
            out.end();
        };
    }

    /** A writer in a table sent as text: refused, with the way out. */
    static TextEncoder writerInText(PgEncoder.Writer<?> encoder, String why) {
        return (out, value) -> {
            throw BadValue.of(encoder + " writes binary COPY, but this table is sent as COPY text because " + why
                    + ", which only the server's input function can read; give that column Java objects instead "
                    + "of Strings, or register PgEncoder.converting(...) (to a Java type Blink writes, or to a "
                    + "String in the type's text form) instead of PgEncoder.of(...)");
        };
    }

    static Encoder converting(PgEncoder.Converter<?> encoder, PgType type, EncoderContext builtIn) {
        return new Encoder() {
            private Class<?> lastClass;
            private Encoder last;

            @Override
            public void write(CopyStream out, Object value) {
                Object converted = convert(encoder, value);
                if (converted == null) {
                    out.nullValue();
                    return;
                }
                if (converted.getClass() != lastClass) {
                    Encoder next = Encoders.binary(type, converted.getClass(), builtIn);
                    if (next == null) {
                        throw returned(encoder, converted, type);
                    }
                    if (next instanceof Encoders.ServerReads) {
                        throw BadValue.of(encoder + " returned a String, which " + type.display() + " reads with "
                                + "the server's input function, in a table sent as COPY text: Blink decides that "
                                + "per table from its first row, where this column had no String; return a Java "
                                + "type that " + type.display() + " takes instead");
                    }
                    last = next;
                    lastClass = converted.getClass();
                }
                last.write(out, converted);
            }
        };
    }

    /** A converter in a table sent as text: the converted value's text form; null stays null. */
    static TextEncoder convertingText(PgEncoder.Converter<?> encoder, PgType type, EncoderContext builtIn) {
        return new TextEncoder() {
            private Class<?> lastClass;
            private TextEncoder last;

            @Override
            public void append(StringBuilder out, Object value) {
                Object converted = convert(encoder, value);
                if (converted == null) {
                    throw NullText.INSTANCE;
                }
                if (converted.getClass() != lastClass) {
                    TextEncoder next = Encoders.text(type, converted.getClass(), builtIn);
                    if (next == null) {
                        throw returned(encoder, converted, type);
                    }
                    last = next;
                    lastClass = converted.getClass();
                }
                last.append(out, converted);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> Object convert(PgEncoder.Converter<T> encoder, Object value) {
        try {
            return encoder.converter().apply((T) value);
        } catch (RuntimeException e) {
            throw BadValue.of("the encoder " + encoder + " failed: " + e);
        }
    }

    private static BadValue returned(PgEncoder.Converter<?> encoder, Object converted, PgType type) {
        return BadValue.of(encoder + " returned a " + converted.getClass().getName() + ", which " + type.display()
                + " does not take");
    }

    /** A converter returned null for a field of COPY text: the column writer writes NULL. */
    static final class NullText extends RuntimeException {
        static final NullText INSTANCE = new NullText();

        private NullText() {
            super(null, null, false, false);
        }
    }

    /** The public face of the buffer, for user encoders. */
    private static final class Output implements PgEncoder.Output {
        private final CopyStream out;

        Output(CopyStream out) {
            this.out = out;
        }

        @Override
        public void writeByte(int value) {
            out.int1(value);
        }

        @Override
        public void writeInt2(int value) {
            out.int2(value);
        }

        @Override
        public void writeInt4(int value) {
            out.int4(value);
        }

        @Override
        public void writeInt8(long value) {
            out.int8(value);
        }

        @Override
        public void writeFloat4(float value) {
            out.float4(value);
        }

        @Override
        public void writeFloat8(double value) {
            out.float8(value);
        }

        @Override
        public void writeBytes(byte[] bytes) {
            out.bytes(bytes);
        }

        @Override
        public void writeText(String text) {
            out.text(text);
        }
    }
}
