package dev.netlens.testing;

import dev.netlens.discovery.engine.EngineApi;
import dev.netlens.discovery.engine.EngineEndpoints;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Fails under CI (or NETLENS_REQUIRE_ENGINE=true) when no engine answers; otherwise skips. */
final class EngineRequirement implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        String problem = null;
        try (EngineApi api = EngineEndpoints.connect(Lab.ENGINE1, Duration.ofSeconds(5))) {
            api.get("/version");
            if (!Lab.docker(Lab.ENGINE1, "ps", "-aq", "--filter", "label=" + Lab.LABEL).isBlank()) {
                return;
            }
            problem = "the lab topology is not up (run .ci/lab/topology-up.sh)";
        } catch (Exception e) {
            problem = "no Docker engine answers at " + Lab.ENGINE1 + ": " + e.getMessage();
        }
        if (required()) {
            throw new IllegalStateException(problem + "; engine tests must run here, not skip");
        }
        Assumptions.abort(problem);
    }

    private static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || "true".equalsIgnoreCase(System.getenv("NETLENS_REQUIRE_ENGINE"));
    }
}
