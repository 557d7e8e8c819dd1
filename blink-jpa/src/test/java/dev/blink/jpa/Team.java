package dev.blink.jpa;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Temporal;
import jakarta.persistence.TemporalType;
import java.math.BigInteger;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Date;
import java.util.Locale;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.YesNoConverter;

/**
 * Ids from a sequence with allocationSize 1 (Hibernate's no-op optimizer), and more basic types:
 * char, short, float, time, zoned date-time, a built-in converter, a PostgreSQL enum, a JSON list,
 * an array.
 */
@Entity
@Table(name = "teams")
class Team {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "team_ids")
    @SequenceGenerator(name = "team_ids", sequenceName = "team_ids", allocationSize = 1)
    Integer id;
    String name;
    Character grade;
    short size;
    Float score;
    LocalTime standup;
    ZonedDateTime formedAt;
    @Convert(converter = YesNoConverter.class)
    Boolean open;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    Tier tier;
    @JdbcTypeCode(SqlTypes.JSON)
    List<String> labels;
    int[] slots;
    Byte level;
    BigInteger big;
    Locale locale;
    Currency currency;
    ZoneId zone;
    OffsetTime meetsAt;
    @Temporal(TemporalType.TIMESTAMP)
    Date legacyStamp;
    @Temporal(TemporalType.DATE)
    Date legacyDay;
}
