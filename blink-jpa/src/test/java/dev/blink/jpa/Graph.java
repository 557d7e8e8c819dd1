package dev.blink.jpa;

import dev.blink.Plan;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The same object graph every time it is built: every mapping of the test entities, with parents
 * referenced as objects whose generated ids are still null.
 */
final class Graph {

    final List<Organization> organizations = new ArrayList<>();
    final List<Team> teams = new ArrayList<>();
    final List<User> users = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Vehicle> vehicles = new ArrayList<>();
    final List<Asset> assets = new ArrayList<>();
    final List<Shelf> shelves = new ArrayList<>();
    final List<Book> books = new ArrayList<>();

    static Graph build() {
        return build(0);
    }

    /** The graph, with assigned UUIDs that differ for each {@code variant}. */
    static Graph build(int variant) {
        Graph graph = new Graph();
        LocalDateTime base = LocalDateTime.of(2024, 3, 1, 9, 30, 15, 123_456_000);
        for (int t = 1; t <= 3; t++) {
            Team team = new Team();
            team.name = "team " + t;
            team.grade = (char) ('A' + t);
            team.size = (short) (t * 3);
            team.score = t == 2 ? null : 1.5f * t;
            team.standup = java.time.LocalTime.of(9, 15 * t, 30, 500_000_000);
            team.formedAt = base.plusYears(t).atZone(java.time.ZoneId.of("Europe/Brussels"));
            team.open = t != 3;
            team.tier = Tier.values()[t - 1];
            team.labels = t == 1 ? null : List.of("l" + t, "shared");
            team.slots = t == 3 ? null : new int[] {t, t * 10, 0};
            team.level = (byte) -t;
            team.big = java.math.BigInteger.TEN.pow(20 + t);
            team.locale = t == 1 ? java.util.Locale.FRANCE : java.util.Locale.forLanguageTag("nl-BE");
            team.currency = java.util.Currency.getInstance("EUR");
            team.zone = java.time.ZoneId.of(t == 2 ? "UTC" : "Europe/Brussels");
            team.meetsAt = java.time.OffsetTime.of(14, t, 0, 0, java.time.ZoneOffset.ofHours(t));
            team.legacyStamp = new java.util.Date(1_700_000_000_123L + t);
            team.legacyDay = java.sql.Date.valueOf(java.time.LocalDate.of(2020, t, 28));
            graph.teams.add(team);
        }
        for (int o = 1; o <= 3; o++) {
            Organization org = new Organization();
            org.id = new UUID(0x0123_4567_89ab_cdefL + variant, o);
            org.name = "Org " + o + (o == 2 ? " – ünïcode \"quoted\"" : "");
            org.tier = Tier.values()[o % 3];
            org.billing = new Address("Main St " + o, "Ghent", new GeoPoint(51.05 + o, 3.72));
            org.shipping = o == 3 ? null : new Address("Dock " + o, "Antwerp", o == 1 ? null : new GeoPoint(51.2, 4.4));
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("theme", o % 2 == 0 ? "dark" : "light");
            settings.put("seats", 10 * o);
            settings.put("features", List.of("sso", "audit"));
            org.settings = o == 3 ? null : settings;
            for (int f = 0; f < o; f++) {
                org.offices.add(new Address("Office lane " + f, f % 2 == 0 ? "Brussels" : null,
                        f == 1 ? null : new GeoPoint(50.8 + f, 4.35)));
            }
            org.foundedAt = Instant.parse("2001-02-03T04:05:06.789Z").plusSeconds(86_400L * o);
            org.createdOn = base.plusDays(o);
            org.createdBy = "seed";
            for (int f = 0; f < o; f++) {
                org.featuredTeams.add(graph.teams.get((o + f) % 3));
            }
            graph.organizations.add(org);
            for (int u = 1; u <= 60; u++) {
                User user = new User();
                user.organization = org;
                user.email = new Email("User" + u + "@Org" + o + ".example");
                user.role = Role.values()[u % 3];
                user.birthday = LocalDate.of(1980, 1, 1).plusDays(97L * u + o);
                user.balance = u % 7 == 0 ? null : new BigDecimal("1234.5").add(BigDecimal.valueOf(u, 2));
                user.active = u % 4 != 0;
                user.createdOn = base.plusMinutes(u);
                for (int n = 0; n < u % 3; n++) {
                    user.nicknames.add("nick" + u + "-" + n);
                }
                if (u % 2 == 0) {
                    user.teams.add(graph.teams.get(u % 3));
                }
                if (u % 5 == 0) {
                    user.teams.add(graph.teams.get((u + 1) % 3));
                }
                graph.users.add(user);
                if (u % 4 == 1) {
                    Post post = new Post();
                    post.author = user;
                    post.title = "Post by user " + u + " of org " + o;
                    post.pinnedBy = u % 8 == 1 ? user : null;
                    post.body = "Line one\nline two\ttabbed \\ backslash";
                    post.publishedAt = base.plusHours(u);
                    post.readingTime = u % 3 == 0 ? null : Duration.ofSeconds(61L * u, 250_000_000L);
                    post.editedAt = OffsetDateTime.of(base.plusHours(u + 1), ZoneOffset.ofHours(2));
                    post.thumbnail = u % 8 == 1 ? new byte[] {0, 1, 2, (byte) 255} : null;
                    post.tags.add("tag" + (u % 3));
                    post.tags.add("all");
                    post.meta.put("lang", "en");
                    post.meta.put("source", "seed " + u);
                    post.scores.put(Role.values()[u % 3], u);
                    post.scores.put(Role.OWNER, 100 + u);
                    graph.posts.add(post);
                }
            }
            CardPayment card = new CardPayment();
            card.payer = org;
            card.amount = new BigDecimal("19.99");
            card.cardLast4 = "424" + o;
            graph.payments.add(card);
            WirePayment wire = new WirePayment();
            wire.payer = org;
            wire.amount = new BigDecimal("250.00");
            wire.iban = "BE68 5390 0754 707" + o;
            graph.payments.add(wire);
            Car car = new Car();
            car.id = new UUID(0xcafeL + variant, o);
            car.plate = "CAR-" + o;
            car.owner = org;
            car.seats = 4 + o;
            graph.vehicles.add(car);
            Truck truck = new Truck();
            truck.id = new UUID(0xbeefL + variant, o);
            truck.plate = "TRK-" + o;
            truck.owner = org;
            truck.payloadTons = new BigDecimal("7.5");
            graph.vehicles.add(truck);
            Vehicle plain = new Vehicle();
            plain.id = new UUID(0xfeedL + variant, o);
            plain.plate = "VEH-" + o;
            graph.vehicles.add(plain);
        }
        for (int a = 1; a <= 25; a++) {
            Asset asset;
            if (a % 3 == 0) {
                asset = new Asset();
            } else {
                Laptop laptop = new Laptop();
                laptop.model = "X" + a;
                laptop.ramGb = a % 2 == 0 ? 16 : null;
                asset = laptop;
            }
            asset.label = "asset " + a;
            graph.assets.add(asset);
        }
        for (int s = 1; s <= 4; s++) {
            Shelf shelf = new Shelf();
            shelf.id = new ShelfId((s % 2 == 0 ? "A" : "B") + variant, s);
            shelf.label = "shelf " + s;
            graph.shelves.add(shelf);
            for (int b = 0; b < 3; b++) {
                Book book = new Book();
                book.title = "book " + s + "." + b;
                book.shelf = b == 2 && s == 4 ? null : shelf;
                graph.books.add(book);
            }
        }
        return graph;
    }

    /** Writes the graph the way an application would: persist every entity, then flush. */
    void persist(EntityManager em) {
        teams.forEach(em::persist);
        organizations.forEach(em::persist);
        users.forEach(em::persist);
        posts.forEach(em::persist);
        payments.forEach(em::persist);
        vehicles.forEach(em::persist);
        assets.forEach(em::persist);
        shelves.forEach(em::persist);
        books.forEach(em::persist);
        em.flush();
    }

    /** Adds the graph's tables to a plan, in the same order. */
    void addTo(Plan plan, JpaTables tables) {
        tables.addTo(plan, Team.class, store -> teams);
        tables.addTo(plan, Organization.class, store -> organizations);
        tables.addTo(plan, User.class, store -> users);
        tables.addTo(plan, Post.class, store -> posts);
        tables.addTo(plan, Payment.class, store -> payments);
        tables.addTo(plan, Vehicle.class, store -> vehicles);
        tables.addTo(plan, Asset.class, store -> assets);
        tables.addTo(plan, Shelf.class, store -> shelves);
        tables.addTo(plan, Book.class, store -> books);
    }
}
