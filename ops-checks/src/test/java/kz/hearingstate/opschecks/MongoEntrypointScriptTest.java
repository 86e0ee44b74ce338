package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * docker/mongo/mongo-entrypoint.sh refuses the example file's placeholder passwords before it writes anything: compose
 * checks only that each is set, and the example's are public.
 */
class MongoEntrypointScriptTest {

    @Test
    void givenAPasswordOfTheExampleFile_whenMongoStarts_thenItRefusesAndNamesIt() {
        ExternalTool.require("bash");
        Map<String, String> example = Repository.envFile("docker/env/compose.env.example");
        for (String service : List.of("INTAKE", "ROUTING", "NOTIFICATION", "ANALYTICS")) {
            Map<String, String> environment = ownPasswords();
            environment.put("MONGO_" + service + "_PASSWORD", example.get("MONGO_" + service + "_PASSWORD"));
            ExternalTool.Result result = ExternalTool.run(environment, List.of("bash", "docker/mongo/mongo-entrypoint.sh"));
            assertThat(result.exitCode()).as(result.output()).isEqualTo(2);
            assertThat(result.output()).contains("MONGO_" + service + "_PASSWORD still holds the example's placeholder");
        }
        Map<String, String> environment = ownPasswords();
        // The image's variable that compose fills from MONGO_ROOT_PASSWORD.
        environment.put("MONGO_INITDB_ROOT_PASSWORD", example.get("MONGO_ROOT_PASSWORD"));
        ExternalTool.Result root = ExternalTool.run(environment, List.of("bash", "docker/mongo/mongo-entrypoint.sh"));
        assertThat(root.exitCode()).as(root.output()).isEqualTo(2);
        assertThat(root.output()).contains("MONGO_INITDB_ROOT_PASSWORD still holds the example's placeholder");
    }

    private static Map<String, String> ownPasswords() {
        Map<String, String> passwords = new HashMap<>();
        passwords.put("MONGO_INITDB_ROOT_PASSWORD", "rootPassword4242");
        for (String service : List.of("INTAKE", "ROUTING", "NOTIFICATION", "ANALYTICS")) {
            passwords.put("MONGO_" + service + "_PASSWORD", service.toLowerCase() + "Password4242");
        }
        return passwords;
    }
}
