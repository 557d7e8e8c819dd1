package dev.blink.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** A unidirectional one-to-many whose foreign key is in the element's table: Blink cannot write it. */
@Entity
@Table(name = "invoices")
class Invoice {
    @Id
    Long id;
    @OneToMany
    @JoinColumn(name = "invoice_id")
    List<InvoiceLine> lines = new ArrayList<>();
}
