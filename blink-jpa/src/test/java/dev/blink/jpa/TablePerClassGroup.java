package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TABLE_PER_CLASS} inheritance: a table per concrete class, none for an abstract root; the
 * hierarchy added once, through its root, as every other hierarchy.
 */
final class TablePerClassGroup implements EntityGroup {

    @Entity(name = "TpcShape")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    abstract static class Shape {
        @Id
        @GeneratedValue(strategy = GenerationType.SEQUENCE)
        Long id;
        String label;
    }

    @Entity(name = "TpcCircle")
    @Table(name = "tpc_circles")
    static class Circle extends Shape {
        double radius;
    }

    @Entity(name = "TpcSquare")
    @Table(name = "tpc_squares")
    static class Square extends Shape {
        double side;
        @ManyToOne
        Circle inscribed;
    }

    @Entity(name = "TpcAccount")
    @Table(name = "tpc_accounts")
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    static class Account {
        @Id
        Long id;
        String owner;
    }

    @Entity(name = "TpcSavings")
    @Table(name = "tpc_savings_accounts")
    static class SavingsAccount extends Account {
        double rate;
    }

    final List<Shape> shapes = new ArrayList<>();
    final List<Account> accounts = new ArrayList<>();

    TablePerClassGroup() {
        Circle previous = null;
        for (int i = 1; i <= 7; i++) {
            if (i % 3 == 0) {
                Square square = new Square();
                square.side = i;
                square.inscribed = previous;
                square.label = "square " + i;
                shapes.add(square);
            } else {
                Circle circle = new Circle();
                circle.radius = i / 2.0;
                circle.label = "circle " + i;
                shapes.add(circle);
                previous = circle;
            }
        }
        for (long i = 1; i <= 5; i++) {
            Account account = i % 2 == 0 ? new SavingsAccount() : new Account();
            account.id = i;
            account.owner = "owner " + i;
            if (account instanceof SavingsAccount savings) {
                savings.rate = 0.01 * i;
            }
            accounts.add(account);
        }
    }

    @Override
    public List<String> tables() {
        return List.of("tpc_circles", "tpc_squares", "tpc_accounts", "tpc_savings_accounts");
    }

    @Override
    public void persist(EntityManager em) {
        shapes.forEach(em::persist);
        accounts.forEach(em::persist);
    }

    @Override
    public void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Shape.class, store -> shapes);
        tables.addTo(plan, Account.class, store -> accounts);
    }

    @Override
    public List<Object> entities() {
        List<Object> all = new ArrayList<>(shapes);
        all.addAll(accounts);
        return all;
    }

    @Override
    public List<Object> more(EntityManager em) {
        Circle circle = new Circle();
        circle.label = "after the seed";
        Square square = new Square();
        square.label = "after the seed";
        SavingsAccount savings = new SavingsAccount();
        savings.id = 100L;
        return List.of(circle, square, savings);
    }
}
