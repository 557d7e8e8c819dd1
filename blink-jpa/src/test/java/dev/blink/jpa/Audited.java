package dev.blink.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.LocalDateTime;

@MappedSuperclass
abstract class Audited {
    @Column(name = "created_on")
    LocalDateTime createdOn;
    String createdBy;
}
