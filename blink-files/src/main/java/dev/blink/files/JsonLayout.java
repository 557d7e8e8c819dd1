package dev.blink.files;

/** How the rows of a JSON file are laid out. Set with {@link Json#withLayout(JsonLayout)}. */
public enum JsonLayout {

    /**
     * The default: an array if the file's first value starts with {@code [}, JSON Lines if it
     * starts with <code>{</code>. An empty file has no rows. A first object that spans lines is an
     * error here, since it is more likely a document that wraps the rows than JSON Lines; read
     * such files with {@link #LINES}.
     */
    AUTO,

    /** One top-level array whose elements are objects: {@code [{"id": 1}, {"id": 2}]}. */
    ARRAY,

    /**
     * JSON Lines: one object per line, blank lines ignored. Objects are read as a sequence of
     * top-level values, so an object that spans lines is accepted too.
     */
    LINES
}
