package kz.hearingstate.opschecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four services' Dockerfiles: dockerfilelint (npm) finds nothing, and each is shaped as the deployment
 * needs it. No Docker engine runs here, so the images themselves are not built by this check.
 */
class DockerfileTest {

    static Path linter;

    @BeforeAll
    static void findLinter() {
        linter = ExternalTool.require("dockerfilelint");
    }

    @Test
    void givenTheFourDockerfiles_whenLinted_thenNoIssueIsFound() {
        List<String> command = new ArrayList<>(List.of(linter.toString()));
        ServiceBindings.SERVICES.forEach(service -> command.add(service + "/Dockerfile"));

        ExternalTool.Result result = ExternalTool.run(command);

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output().split("Issues: None found", -1)).hasSize(ServiceBindings.SERVICES.size() + 1);
    }

    @Test
    void givenADockerfileWithKnownFaults_whenLinted_thenTheLinterReportsThem(@TempDir Path temp) throws IOException {
        Path faulty = Files.writeString(temp.resolve("Dockerfile"), """
                FROM ubuntu
                RUN apt-get update && apt-get install curl
                EXPOSE 80000
                """);

        ExternalTool.Result result = ExternalTool.run(List.of(linter.toString(), faulty.toString()));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("Base Image Missing").contains("Missing parameter")
                .contains("Invalid Port Exposed");
    }

    @Test
    void givenEachService_thenItsImageIsBuiltWithTheWrapperOnJdk21AndRunsOnTheJre21() {
        for (String service : ServiceBindings.SERVICES) {
            List<String> from = instructions(service, "FROM");
            assertThat(from).as(service).hasSize(2);
            assertThat(from.getFirst()).as(service).isEqualTo("eclipse-temurin:21-jdk AS build");
            assertThat(from.getLast()).as(service).isEqualTo("eclipse-temurin:21-jre");
            assertThat(dockerfile(service)).as(service)
                    .contains("./mvnw -B -q -pl " + service + " -am package -DskipTests")
                    .contains("COPY --from=build");
        }
    }

    @Test
    void givenEachService_thenItRunsAsANonRootUser_withAnActuatorHealthCheckOnItsOwnPort_andAHeapBoundToTheContainer() {
        for (String service : ServiceBindings.SERVICES) {
            String text = dockerfile(service);
            List<String> users = instructions(service, "USER");
            assertThat(users).as(service).isNotEmpty();
            assertThat(users.getLast()).as(service).isNotIn("root", "0");
            assertThat(text.indexOf("USER " + users.getLast())).as(service).isGreaterThan(text.lastIndexOf("FROM "));

            int port = ServiceBindings.port(service);
            assertThat(instructions(service, "EXPOSE")).as(service).containsExactly(String.valueOf(port));
            assertThat(text).as(service).contains("PORT=" + port);
            assertThat(instructions(service, "HEALTHCHECK")).as(service).singleElement()
                    .asString().contains("/actuator/health");
            assertThat(text).as(service).containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=");
        }
    }

    @Test
    void givenEachDockerfile_thenNoSecretIsBakedIntoTheImage() {
        Pattern secretSetting = Pattern.compile("(?im)^\\s*(ENV|ARG)\\s+.*(SECRET|PASSWORD|TOKEN|KEY)\\w*\\s*=");
        for (String service : ServiceBindings.SERVICES) {
            assertThat(secretSetting.matcher(dockerfile(service)).find()).as(service).isFalse();
        }
        assertThat(Repository.read(".dockerignore").lines().toList()).contains(".git", "**/target", ".env", "*.env");
    }

    private static String dockerfile(String service) {
        return Repository.read(service + "/Dockerfile");
    }

    /** The arguments of every instruction of one kind, continuation lines joined. */
    private static List<String> instructions(String service, String keyword) {
        String joined = dockerfile(service).replaceAll("\\\\\\n\\s*", " ");
        Matcher matcher = Pattern.compile("(?m)^" + keyword + "\\s+(.+)$").matcher(joined);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }
}
