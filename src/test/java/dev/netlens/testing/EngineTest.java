package dev.netlens.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test against the real local Docker engine and its lab topology (.ci/lab/topology-up.sh). It is
 * skipped on a developer machine without an engine, and fails under CI=true: there it must run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("engine")
@ExtendWith(EngineRequirement.class)
public @interface EngineTest {
}
