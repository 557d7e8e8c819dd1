package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;

/**
 * {@code @ColumnTransformer(write = …)}: Hibernate's insert sends the value through an SQL
 * expression, which the server evaluates.
 */
final class WriteExpressionGroup implements EntityGroup {

    @Entity(name = "WxProduct")
    @Table(name = "wx_products")
    static class Product {
        @Id
        Long id;
        @ColumnTransformer(write = "upper(?)")
        String code;
        @Column(name = "price_cents", columnDefinition = "integer")
        @ColumnTransformer(write = "round(? * 100)")
        Double price;
        @Column(columnDefinition = "jsonb")
        @ColumnTransformer(write = "?::jsonb")
        String attributes;
        @Column(name = "launch_year", columnDefinition = "integer")
        @ColumnTransformer(write = "extract(year from cast(? as date))")
        LocalDate launchedOn;
        String plain;
    }

    final List<Product> products = new ArrayList<>();

    WriteExpressionGroup() {
        for (long i = 1; i <= 8; i++) {
            Product product = new Product();
            product.id = i;
            product.code = i == 4 ? null : "code-" + i + "-äß";
            product.price = i == 5 ? null : 1.2345 * i;
            product.attributes = i == 6 ? null : "{\"size\": " + i + ", \"tags\": [\"a\", \"b\"]}";
            product.launchedOn = i == 7 ? null : LocalDate.of(2000 + (int) i, 3, 4);
            product.plain = "plain " + i;
            products.add(product);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("wx_products");
    }

    @Override
    public void persist(EntityManager em) {
        products.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Product.class, store -> products);
    }

    @Override
    public List<Object> entities() {
        return List.of(); // the server changed the values on their way in
    }

    @Override
    public List<Object> more(EntityManager em) {
        Product product = new Product();
        product.id = 100L;
        product.code = "after";
        return List.of(product);
    }
}
