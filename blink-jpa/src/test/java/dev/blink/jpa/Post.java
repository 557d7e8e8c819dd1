package dev.blink.jpa;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.EnumType;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Ids from an identity column. */
@Entity
@Table(name = "posts")
class Post {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne
    @JoinColumn(name = "author_id")
    User author;
    @OneToOne
    @JoinColumn(name = "pinned_by_id")
    User pinnedBy;
    String title;
    @Column(columnDefinition = "text")
    String body;
    LocalDateTime publishedAt;
    Duration readingTime;
    OffsetDateTime editedAt;
    byte[] thumbnail;
    @ElementCollection
    @CollectionTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "tag")
    Set<String> tags = new LinkedHashSet<>();
    @ElementCollection
    @CollectionTable(name = "post_meta", joinColumns = @JoinColumn(name = "post_id"))
    @MapKeyColumn(name = "meta_key")
    @Column(name = "meta_value")
    Map<String, String> meta = new LinkedHashMap<>();
    @ElementCollection
    @CollectionTable(name = "post_scores", joinColumns = @JoinColumn(name = "post_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "role")
    @Column(name = "score")
    Map<Role, Integer> scores = new LinkedHashMap<>();
}
