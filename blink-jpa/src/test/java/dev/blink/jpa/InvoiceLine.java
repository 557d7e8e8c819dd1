package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "invoice_lines")
class InvoiceLine {
    @Id
    Long id;
    String text;
}
