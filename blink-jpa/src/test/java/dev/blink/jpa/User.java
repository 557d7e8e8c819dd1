package dev.blink.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Ids from a sequence with Hibernate's default allocationSize 50 (pooled optimizer). */
@Entity
@Table(name = "users")
class User extends Audited {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "organization_id")
    Organization organization;
    @Convert(converter = EmailConverter.class)
    Email email;
    @Enumerated(EnumType.ORDINAL)
    Role role;
    LocalDate birthday;
    @Column(precision = 12, scale = 2)
    BigDecimal balance;
    boolean active;
    @ElementCollection
    @CollectionTable(name = "user_nicknames", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "position")
    @Column(name = "nickname")
    List<String> nicknames = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "user_teams", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    Set<Team> teams = new LinkedHashSet<>();
    @Version
    Long version;
}
