package dev.blink.jpa;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

/** Stores an email in lower case, with a prefix, so that the test sees the converter run. */
@Converter
class EmailConverter implements AttributeConverter<Email, String> {
    @Override
    public String convertToDatabaseColumn(Email email) {
        return email == null ? null : "mailto:" + email.address().toLowerCase(Locale.ROOT);
    }

    @Override
    public Email convertToEntityAttribute(String column) {
        return column == null ? null : new Email(column.substring("mailto:".length()));
    }
}
