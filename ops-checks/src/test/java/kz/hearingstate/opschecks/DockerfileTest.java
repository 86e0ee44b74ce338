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
 * The one Dockerfile the four services' images are built from (the build arguments SERVICE and PORT name the
 * module and its port): dockerfilelint (npm) finds nothing, and it is shaped as the deployment needs it. No Docker
 * engine runs here, so the images themselves are not built by this check.
 */
class DockerfileTest {

    static Path linter;

    @BeforeAll
    static void findLinter() {
        linter = ExternalTool.require("dockerfilelint");
    }

    @Test
    void givenTheDockerfile_whenLinted_thenNoIssueIsFound() {
        ExternalTool.Result result = ExternalTool.run(List.of(linter.toString(), "Dockerfile"));

        assertThat(result.succeeded()).as(result.output()).isTrue();
        assertThat(result.output()).contains("Issues: None found");
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
    void givenTheDockerfile_thenTheNamedServiceIsBuiltWithTheWrapperOnJdk21AndRunsOnTheJre21() {
        List<String> from = instructions("FROM");
        assertThat(from).hasSize(2);
        assertThat(from.getFirst()).isEqualTo("eclipse-temurin:21-jdk AS build");
        assertThat(from.getLast()).isEqualTo("eclipse-temurin:21-jre");
        assertThat(instructions("ARG")).containsExactly("SERVICE", "PORT");
        assertThat(dockerfile()).contains("./mvnw -B -q -pl \"${SERVICE}\" -am package -DskipTests")
                .contains("COPY --from=build");
    }

    @Test
    void givenTheDockerfile_thenItRunsAsANonRootUser_withAnActuatorHealthCheckOnItsPort_andAHeapBoundToTheContainer() {
        String text = dockerfile();
        List<String> users = instructions("USER");
        assertThat(users).isNotEmpty();
        assertThat(users.getLast()).isNotIn("root", "0");
        assertThat(text.indexOf("USER " + users.getLast())).isGreaterThan(text.lastIndexOf("FROM "));

        assertThat(text).contains("PORT=${PORT}");
        assertThat(instructions("HEALTHCHECK")).singleElement().asString()
                .contains("/actuator/health").contains("${PORT}");
        assertThat(text).containsPattern("JAVA_TOOL_OPTIONS=\"[^\"]*-XX:MaxRAMPercentage=");
    }

    @Test
    void givenTheDockerfile_thenNoSecretIsBakedIntoTheImage() {
        Pattern secretSetting = Pattern.compile("(?im)^\\s*(ENV|ARG)\\s+.*(SECRET|PASSWORD|TOKEN|KEY)\\w*\\s*=");
        assertThat(secretSetting.matcher(dockerfile()).find()).isFalse();
        assertThat(Repository.read(".dockerignore").lines().toList()).contains(".git", "**/target", ".env", "*.env");
    }

    private static String dockerfile() {
        return Repository.read("Dockerfile");
    }

    /** The arguments of every instruction of one kind, continuation lines joined. */
    private static List<String> instructions(String keyword) {
        String joined = dockerfile().replaceAll("\\\\\\n\\s*", " ");
        Matcher matcher = Pattern.compile("(?m)^" + keyword + "\\s+(.+)$").matcher(joined);
        List<String> found = new ArrayList<>();
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }
}
