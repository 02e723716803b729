package dev.seguito.testing;

import dev.seguito.SeguitoServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * A real Seguito server on the shared test database for the tests of one class: the annotated static field is set
 * before the class's {@code @BeforeAll} methods run and the server is closed after its last test. Each class gets a
 * server of its own, as a process of its own would be, so kept cards and other in-memory state never leak between
 * classes; the classes share the database, and each test makes its own team.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RunningServer.PerClass.class)
public @interface RunningServer {

    /** Starts and stops the server of every {@link RunningServer} field of the test class. */
    final class PerClass implements BeforeAllCallback, AfterAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) throws IllegalAccessException {
            for (Field field : fields(context)) {
                field.set(null, TestServer.onSharedDatabase());
            }
        }

        @Override
        public void afterAll(ExtensionContext context) throws IllegalAccessException {
            for (Field field : fields(context)) {
                if (field.get(null) instanceof SeguitoServer server) {
                    server.close();
                    field.set(null, null);
                }
            }
            TestDatabase.forgetRequestCounts();
        }

        private static java.util.List<Field> fields(ExtensionContext context) {
            java.util.List<Field> out = new java.util.ArrayList<>();
            for (Field field : context.getRequiredTestClass().getDeclaredFields()) {
                if (!field.isAnnotationPresent(RunningServer.class)) {
                    continue;
                }
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != SeguitoServer.class) {
                    throw new ExtensionConfigurationException("@RunningServer goes on a static SeguitoServer field: " + field);
                }
                field.setAccessible(true);
                out.add(field);
            }
            return out;
        }
    }
}
