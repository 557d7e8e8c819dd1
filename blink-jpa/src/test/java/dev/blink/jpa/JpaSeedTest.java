package dev.blink.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blink.Blink;
import dev.blink.InsertOptions;
import dev.blink.PlanException;
import dev.blink.Plan;
import dev.blink.Retain;
import dev.blink.Rows;
import dev.blink.SeedException;
import dev.blink.TableOptions;
import dev.blink.testkit.PostgresExtension;
import dev.blink.testkit.TestDatabase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Ids, the store, and errors, on a database that the application (Hibernate) also uses. */
@Tag("versions")
class JpaSeedTest {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    static EntityManagerFactory hibernate;
    static JpaTables tables;

    @BeforeAll
    static void start() {
        hibernate = Hibernate.start(postgres.database(), null, Organization.class, Team.class, User.class, Post.class,
                Payment.class, CardPayment.class, WirePayment.class, Vehicle.class, Car.class, Truck.class,
                Comment.class, Invoice.class, InvoiceLine.class, Document.class, Asset.class, Laptop.class,
                Shelf.class, Book.class, ArchivedPost.class, Stamp.class, Node.class);
        tables = JpaTables.from(hibernate);
    }

    @AfterAll
    static void stop() {
        if (hibernate != null) {
            hibernate.close();
        }
    }

    @Test
    void hibernatePersistsWithoutIdClashesAfterASeedAndBetweenSeeds() {
        TestDatabase db = postgres.database();
        seed(Graph.build(10));
        persistMore("after the first seed");
        seed(Graph.build(11));
        persistMore("after the second seed");

        assertEquals(db.count("users"), ((Number) db.queryValue("SELECT count(DISTINCT id) FROM users")).longValue());
        assertEquals(db.count("posts"), ((Number) db.queryValue("SELECT count(DISTINCT id) FROM posts")).longValue());
        assertEquals(db.count("teams"), ((Number) db.queryValue("SELECT count(DISTINCT id) FROM teams")).longValue());
        assertEquals(0L, ((Number) db.queryValue(
                "SELECT count(*) FROM users WHERE email LIKE 'mailto:app-%' AND id <= 180")).longValue());
    }

    private static void seed(Graph graph) {
        Plan plan = Blink.plan();
        graph.addTo(plan, tables);
        plan.insert(postgres.database().dataSource());
    }

    private static void persistMore(String when) {
        EntityManager em = hibernate.createEntityManager();
        try {
            em.getTransaction().begin();
            Organization org = em.createQuery("FROM Organization", Organization.class).setMaxResults(1).getSingleResult();
            for (int i = 0; i < 3; i++) {
                Team team = new Team();
                team.name = "app team " + when;
                em.persist(team);
                User user = new User();
                user.organization = org;
                user.email = new Email("app-" + i + "@example.org");
                user.role = Role.ADMIN;
                em.persist(user);
                Post post = new Post();
                post.author = user;
                post.title = "app post " + when;
                em.persist(post);
                CardPayment payment = new CardPayment();
                payment.payer = org;
                payment.amount = BigDecimal.ONE;
                em.persist(payment);
            }
            em.getTransaction().commit();
        } finally {
            em.close();
        }
    }

    @Test
    void setsAllocatedIdsOnTheEntitiesSoChildrenPointAtTheirParents() {
        Graph graph = Graph.build(20);
        seed(graph);

        Set<Long> userIds = new HashSet<>();
        for (User user : graph.users) {
            assertNotNull(user.id, "user id");
            assertEquals(0L, user.version, "seeded @Version");
            userIds.add(user.id);
        }
        assertEquals(graph.users.size(), userIds.size());
        TestDatabase db = postgres.database();
        for (Post post : graph.posts) {
            assertNotNull(post.id, "post id from the identity column");
            assertEquals(post.author.id, db.queryValue("SELECT author_id FROM posts WHERE id = " + post.id));
        }
        for (Payment payment : graph.payments) {
            assertEquals(payment instanceof CardPayment ? "CARD" : "WIRE",
                    db.queryValue("SELECT kind FROM payments WHERE id = " + payment.id));
        }
    }

    @Test
    void generatesUuidIdsAndCreationTimestampsClientSideEvenForStreamedRows() {
        List<Comment> comments = IntStream.range(0, 25).mapToObj(i -> {
            Comment comment = new Comment();
            comment.text = "comment " + i;
            return comment;
        }).toList();
        Plan plan = Blink.plan();
        tables.addTo(plan, Comment.class, store -> Rows.of(comments.stream()));
        plan.insert(postgres.database().dataSource());

        Set<UUID> ids = new HashSet<>();
        for (Comment comment : comments) {
            assertNotNull(comment.id);
            assertNotNull(comment.createdAt);
            ids.add(comment.id);
        }
        assertEquals(25, ids.size());
        assertEquals(25L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM comments WHERE text LIKE 'comment %' AND createdat IS NOT NULL AND state = 'fresh'"))
                .longValue());
    }

    @Test
    void streamsEntitiesWithoutKeepingThemWhenNoLaterTableNeedsThem() {
        Plan plan = Blink.plan();
        tables.table(Comment.class).addTo(plan, store -> Rows.of(IntStream.range(0, 10).mapToObj(i -> {
            Comment comment = new Comment();
            comment.text = "forgotten " + i;
            return comment;
        })), TableOptions.retain(Retain.NONE));
        plan.insert(postgres.database().dataSource());
        assertEquals(10L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM comments WHERE text LIKE 'forgotten %'")).longValue());

        PlanException e = assertThrows(PlanException.class, () -> tables.table(User.class)
                .addTo(Blink.plan(), store -> List.of(), TableOptions.retain(Retain.NONE)));
        assertTrue(e.getMessage().contains("keep Retain.ALL for users"), e.getMessage());
    }

    @Test
    void namesTheClassThatIsNotAnEntity() {
        PlanException notEntity = assertThrows(PlanException.class, () -> tables.table(String.class));
        assertTrue(notEntity.getMessage().contains("java.lang.String is not an entity of this EntityManagerFactory"),
                notEntity.getMessage());
        assertTrue(notEntity.getMessage().contains("dev.blink.jpa.User"), notEntity.getMessage());

        PlanException unlisted = assertThrows(PlanException.class, () -> tables.table(Unlisted.class));
        assertTrue(unlisted.getMessage().contains("annotated @Entity but not listed in the persistence unit"),
                unlisted.getMessage());
    }

    @Test
    void namesTheAttributeThatRefersToAnEntityWithoutId() {
        User author = new User();
        Post post = new Post();
        post.author = author;
        post.title = "orphan";
        Plan plan = Blink.plan();
        tables.addTo(plan, Post.class, store -> List.of(post));

        SeedException e = assertThrows(SeedException.class,
                () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("table \"posts\", row 1"), e.getMessage());
        assertTrue(e.getMessage().contains("attribute dev.blink.jpa.Post.author refers to a dev.blink.jpa.User that has no id"),
                e.getMessage());
        assertEquals(0L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM posts WHERE title = 'orphan'")).longValue());
    }

    @Test
    void namesTheRowWhoseAssignedIdIsMissing() {
        List<InvoiceLine> lines = new java.util.ArrayList<>();
        for (long i = 1; i <= 3; i++) {
            InvoiceLine line = new InvoiceLine();
            line.id = i == 2 ? null : 7_000 + i;
            line.text = "line " + i;
            lines.add(line);
        }
        Plan plan = Blink.plan();
        tables.addTo(plan, InvoiceLine.class, store -> lines);

        SeedException e = assertThrows(SeedException.class,
                () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("table \"invoice_lines\", row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("has no id (attribute id); assign it"), e.getMessage());
        assertEquals(0L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM invoice_lines WHERE id > 7000")).longValue());
    }

    @Test
    void namesTheCollectionThatHoldsAnEntityWithoutId() {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = "teamless";
        User user = new User();
        user.organization = org;
        user.teams.add(new Team());
        Plan plan = Blink.plan();
        tables.addTo(plan, Organization.class, store -> List.of(org));
        tables.addTo(plan, User.class, store -> List.of(user));

        SeedException e = assertThrows(SeedException.class,
                () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("table \"user_teams\", row 1: collection dev.blink.jpa.User.teams holds a "
                + "dev.blink.jpa.Team that has no id"), e.getMessage());
        assertEquals(0L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM organizations WHERE name = 'teamless'")).longValue());
    }

    @Test
    void mixesEntityTablesWithMapTablesInOnePlan() {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = "mixed";
        postgres.database().execute("CREATE TABLE IF NOT EXISTS audit_log (organization_id uuid, note text)");
        Plan plan = Blink.plan();
        EntityTable<Organization> organizations = tables.addTo(plan, Organization.class, store -> List.of(org));
        plan.addTable("audit_log", store -> organizations.rows(store).stream()
                .map(o -> java.util.Map.of("organization_id", o.id, "note", "seeded " + o.name))
                .toList());
        plan.insert(postgres.database().dataSource());

        assertEquals("seeded mixed", postgres.database().queryValue(
                "SELECT note FROM audit_log WHERE organization_id = '" + org.id + "'"));
    }

    @Test
    void mapsEntitiesInAPlainTableStepOnceTheMapperIsRegistered() {
        Team team = new Team();
        team.name = "plain step";
        Plan plan = Blink.plan().addTable("teams", store -> List.of(team));
        plan.insert(postgres.database().dataSource(), InsertOptions.builder().rowMapper(tables.rowMapper()).build());

        assertNotNull(team.id);
        assertEquals("plain step", postgres.database().queryValue("SELECT name FROM teams WHERE id = " + team.id));
    }

    @Test
    void namesTheTablesAnEntityGoesToWhenAStepNamesAnother() {
        Team team = new Team();
        team.name = "wrong table";
        Plan plan = Blink.plan().addTable("squads", store -> List.of(team));

        SeedException e = assertThrows(SeedException.class,
                () -> plan.insert(postgres.database().dataSource(), InsertOptions.builder().rowMapper(tables.rowMapper()).build()));
        assertTrue(e.getMessage().contains("rows of entity dev.blink.jpa.Team are written to [teams], not to table squads"),
                e.getMessage());
    }

    @Test
    void namesTheUnsupportedMappingOfEntityAndAttribute() {
        InvoiceLine line = new InvoiceLine();
        line.id = 1L;
        Invoice invoice = new Invoice();
        invoice.id = 1L;
        invoice.lines.add(line);
        Plan plan = Blink.plan();
        tables.addTo(plan, InvoiceLine.class, store -> List.of(line));
        tables.addTo(plan, Invoice.class, store -> List.of(invoice));

        SeedException e = assertThrows(SeedException.class,
                () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("attribute dev.blink.jpa.Invoice.lines is a unidirectional @OneToMany"),
                e.getMessage());
        assertEquals(0L, postgres.database().count("invoice_lines"));
    }

    @Test
    void namesTheEntityAndAttributeOfALargeObjectBeforeAnythingIsSent() {
        PlanException e = assertThrows(PlanException.class, () -> tables.table(Document.class));
        assertTrue(e.getMessage().contains("attribute dev.blink.jpa.Document.content"), e.getMessage());
        assertTrue(e.getMessage().contains("large object"), e.getMessage());
    }

    @Test
    void namesTheAttributeThatTheDatabaseComputesFromAnSqlExpression() {
        PlanException e = assertThrows(PlanException.class, () -> tables.table(Stamp.class));
        assertTrue(e.getMessage().contains("attribute dev.blink.jpa.Stamp.touchedAt is generated on insert by the SQL "
                + "expression"), e.getMessage());
    }

    @Test
    void asksForAListWhenStreamedEntitiesNeedSequenceIds() {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = "streamed";
        User user = new User();
        user.organization = org;
        Plan plan = Blink.plan();
        tables.addTo(plan, Organization.class, store -> List.of(org));
        tables.addTo(plan, User.class, store -> Rows.of(java.util.stream.Stream.of(user)));

        SeedException e = assertThrows(SeedException.class,
                () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("needs the rows as a List"), e.getMessage());
        assertEquals(0L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM organizations WHERE name = 'streamed'")).longValue());
    }

    @Test
    void writesSchemaQualifiedTablesAndQuotedNamesAsMapped() {
        List<ArchivedPost> posts = IntStream.range(0, 3).mapToObj(i -> {
            ArchivedPost post = new ArchivedPost();
            post.title = "archived " + i;
            return post;
        }).toList();
        Plan plan = Blink.plan();
        EntityTable<ArchivedPost> archive = tables.addTo(plan, ArchivedPost.class, store -> posts);
        plan.insert(postgres.database().dataSource());

        assertEquals("archive.Old Posts", archive.name());
        assertEquals(List.of(1L, 2L, 3L), posts.stream().map(p -> p.id).toList());
        assertEquals("archived 2", postgres.database().queryValue(
                "SELECT \"Title\" FROM archive.\"Old Posts\" WHERE \"Post Id\" = 3"));
    }

    @Test
    void writesATreeInAnyOrderFromAListAndSaysHowToOrderAStream() {
        Node root = Node.of("root", null);
        Node child = Node.of("child", root);
        Node grandchild = Node.of("grandchild", child);
        Plan plan = Blink.plan();
        tables.addTo(plan, Node.class, store -> List.of(grandchild, child, root));
        plan.insert(postgres.database().dataSource());
        assertEquals(child.id, postgres.database().queryValue(
                "SELECT parent_id FROM nodes WHERE name = 'grandchild' AND id = '" + grandchild.id + "'"));

        Node parent = Node.of("streamed parent", null);
        Node early = Node.of("streamed child", parent);
        Plan streamed = Blink.plan();
        tables.addTo(streamed, Node.class, store -> Rows.of(java.util.stream.Stream.of(early, parent)));
        SeedException e = assertThrows(SeedException.class,
                () -> streamed.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("table \"nodes\", row 1: attribute dev.blink.jpa.Node.parent refers to a "
                + "dev.blink.jpa.Node that has no id yet, in the same table nodes. The rows are streamed"), e.getMessage());
        assertTrue(e.getMessage().contains("put every row after the rows it refers to, or return the rows as a List"),
                e.getMessage());
        assertEquals(0L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM nodes WHERE name LIKE 'streamed%'")).longValue());
    }

    @Test
    void namesTheLazyCollectionThatHibernateNeverLoaded() {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = "lazy";
        User saved = new User();
        saved.organization = org;
        saved.email = new Email("lazy@example.org");
        saved.nicknames.add("kept");
        EntityManager em = hibernate.createEntityManager();
        try {
            em.getTransaction().begin();
            em.persist(org);
            em.persist(saved);
            em.getTransaction().commit();
        } finally {
            em.close();
        }
        User detached;
        em = hibernate.createEntityManager();
        try {
            detached = em.find(User.class, saved.id);
        } finally {
            em.close();
        }
        detached.id = null;
        Plan plan = Blink.plan();
        tables.addTo(plan, User.class, store -> List.of(detached));

        SeedException e = assertThrows(SeedException.class, () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("attribute dev.blink.jpa.User.nicknames is a lazy collection that "
                + "Hibernate never loaded"), e.getMessage());
        assertTrue(e.getMessage().contains("initialize it while the session is open"), e.getMessage());
        assertEquals(1L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM users WHERE email = 'mailto:lazy@example.org'")).longValue());
    }

    @Test
    void namesTheRowThatIsNullAmongTheEntities() {
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.name = "with a null user";
        User user = new User();
        user.organization = org;
        List<User> users = new java.util.ArrayList<>();
        users.add(user);
        users.add(null);
        Plan plan = Blink.plan();
        tables.addTo(plan, Organization.class, store -> List.of(org));
        tables.addTo(plan, User.class, store -> users);

        SeedException e = assertThrows(SeedException.class, () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("row 2 is null: the source of table users returned a null among its "
                + "dev.blink.jpa.User entities; leave nulls out"), e.getMessage());
        assertEquals(0L, ((Number) postgres.database().queryValue(
                "SELECT count(*) FROM organizations WHERE name = 'with a null user'")).longValue());
    }

    @Test
    void refusesANullThatHibernatesNullabilityCheckRefuses() {
        User orphan = new User();
        orphan.email = new Email("orphan@example.org");
        Plan plan = Blink.plan();
        tables.addTo(plan, User.class, store -> List.of(orphan));

        SeedException e = assertThrows(SeedException.class, () -> plan.insert(postgres.database().dataSource()));
        assertTrue(e.getMessage().contains("table \"users\", row 1: not-null property references a null or transient "
                + "value for entity dev.blink.jpa.User.organization; Hibernate refuses to persist such an entity"),
                e.getMessage());
    }

    @Test
    void listsTheTablesOfAnEntityInTheOrderTheyAreWritten() {
        // tag::jpa-table-names[]
        assertEquals(List.of("users", "user_nicknames", "user_teams"), tables.table(User.class).tableNames());
        assertEquals(List.of("organizations", "organization_featured_teams", "organization_offices"),
                tables.table(Organization.class).tableNames());
        assertEquals(List.of("vehicles", "cars", "trucks"), tables.table(Vehicle.class).tableNames());
        // end::jpa-table-names[]
        assertEquals(List.of("payments"), tables.table(Payment.class).tableNames());
        assertEquals(List.of("assets", "laptops", "laptop_specs"), tables.table(Asset.class).tableNames());
        assertEquals(List.of("posts", "post_meta", "post_scores", "post_tags"), tables.table(Post.class).tableNames());
    }
}
