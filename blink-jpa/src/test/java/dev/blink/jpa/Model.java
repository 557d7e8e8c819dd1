package dev.blink.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The persistence unit of the differential and after-seed tests: the graph's entities and every
 * entity group, a snake_case naming strategy, a default entity listener, an interceptor and a
 * pre-insert event listener.
 */
final class Model {

    static final List<Class<?>> ENTITIES = entities();
    static final List<String> MAPPING_FILES = List.of("META-INF/blink-defaults.xml");
    static final Map<String, Object> PROPERTIES = Map.of(
            "hibernate.physical_naming_strategy", "org.hibernate.boot.model.naming.PhysicalNamingStrategySnakeCaseImpl",
            "hibernate.session_factory.interceptor", new CallbackGroup.StateInterceptor(),
            "hibernate.integrator_provider", new CallbackGroup.Listeners());

    private Model() {
    }

    private static List<Class<?>> entities() {
        List<Class<?>> all = new ArrayList<>(List.of(Organization.class, Team.class, User.class, Post.class,
                Payment.class, CardPayment.class, WirePayment.class, Vehicle.class, Car.class, Truck.class, Asset.class,
                Laptop.class, Shelf.class, Book.class, Comment.class));
        for (Class<?> group : List.of(CallbackGroup.class, OrderColumnGroup.class, DynamicInsertGroup.class,
                WriteExpressionGroup.class, PrimitiveIdGroup.class, JsonAggregateGroup.class, TablePerClassGroup.class,
                EnumArrayGroup.class, DerivedIdGroup.class, SingleTableDefaultsGroup.class, PrivateFieldsGroup.class)) {
            for (Class<?> nested : group.getDeclaredClasses()) {
                if (nested.isAnnotationPresent(jakarta.persistence.Entity.class)) {
                    all.add(nested);
                }
            }
        }
        return List.copyOf(all);
    }
}
