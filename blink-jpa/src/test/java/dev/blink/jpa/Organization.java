package dev.blink.jpa;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "organizations")
class Organization extends Audited {
    @Id
    UUID id;
    String name;
    @Enumerated(EnumType.STRING)
    Tier tier;
    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "billing_street"))
    @AttributeOverride(name = "city", column = @Column(name = "billing_city"))
    @AttributeOverride(name = "location.lat", column = @Column(name = "billing_lat"))
    @AttributeOverride(name = "location.lon", column = @Column(name = "billing_lon"))
    Address billing;
    @Embedded
    @AttributeOverride(name = "street", column = @Column(name = "shipping_street"))
    @AttributeOverride(name = "city", column = @Column(name = "shipping_city"))
    @AttributeOverride(name = "location.lat", column = @Column(name = "shipping_lat"))
    @AttributeOverride(name = "location.lon", column = @Column(name = "shipping_lon"))
    Address shipping;
    @ElementCollection
    @CollectionTable(name = "organization_offices", joinColumns = @JoinColumn(name = "organization_id"))
    @OrderColumn(name = "position")
    List<Address> offices = new ArrayList<>();
    @ManyToMany
    @JoinTable(name = "organization_featured_teams", joinColumns = @JoinColumn(name = "organization_id"),
            inverseJoinColumns = @JoinColumn(name = "team_id"))
    @OrderColumn(name = "rank")
    List<Team> featuredTeams = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> settings;
    Instant foundedAt;
    @Version
    int version;
}
