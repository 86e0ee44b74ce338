package kz.hearingstate.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the local broker: the ACLs of {@code docker/kafka/acls.txt} (the same file the
 * docker-compose init job reads), and a SCRAM-SHA-512 user for every principal it names. Applied through
 * the Admin API as the super user at every start: users are upserted, missing ACLs added, ACLs no longer
 * listed removed, so a restart on existing data converges on the file.
 */
public final class KafkaAccessControl {

    /** The ACL list, relative to the repository root. */
    public static final String ACL_FILE = "docker/kafka/acls.txt";
    private static final int SCRAM_ITERATIONS = 4096;
    private static final int TIMEOUT_SECONDS = 30;

    private final List<AclBinding> acls;

    private KafkaAccessControl(List<AclBinding> acls) {
        this.acls = List.copyOf(acls);
    }

    /** Reads {@value #ACL_FILE} under {@code repositoryRoot}. */
    public static KafkaAccessControl read(Path repositoryRoot) {
        Path file = repositoryRoot.resolve(ACL_FILE);
        try {
            return parse(Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the Kafka ACL list " + file, e);
        }
    }

    /** One ACL a line: {@code principal operation resource-type pattern-type name}; '#' starts a comment. */
    static KafkaAccessControl parse(List<String> lines) {
        List<AclBinding> acls = new ArrayList<>();
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 5) {
                throw new IllegalArgumentException("An ACL line has five fields: " + line);
            }
            acls.add(new AclBinding(
                    new ResourcePattern(ResourceType.valueOf(fields[2].toUpperCase(Locale.ROOT)), fields[4],
                            PatternType.valueOf(fields[3].toUpperCase(Locale.ROOT))),
                    new AccessControlEntry("User:" + fields[0], "*", AclOperation.valueOf(fields[1].toUpperCase(Locale.ROOT)),
                            AclPermissionType.ALLOW)));
        }
        return new KafkaAccessControl(acls);
    }

    public List<AclBinding> acls() {
        return acls;
    }

    /** Every principal the list names (without the {@code User:} prefix), in order of appearance. */
    public Set<String> principals() {
        Set<String> principals = new LinkedHashSet<>();
        acls.forEach(acl -> principals.add(acl.entry().principal().substring("User:".length())));
        return principals;
    }

    /** Upserts each principal's SCRAM credential, then makes the broker's ACLs exactly the list's. */
    void apply(Admin admin, KafkaCredentials credentials) {
        try {
            List<UserScramCredentialUpsertion> users = principals().stream()
                    .map(principal -> new UserScramCredentialUpsertion(principal,
                            new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
                            credentials.password(principal)))
                    .toList();
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            List<AclBinding> missing = acls.stream().filter(acl -> !present.contains(acl)).toList();
            if (!missing.isEmpty()) {
                admin.createAcls(missing).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            List<AclBindingFilter> stale = present.stream().filter(acl -> !acls.contains(acl))
                    .map(AclBinding::toFilter).toList();
            if (!stale.isEmpty()) {
                admin.deleteAcls(stale).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackStartupException("Interrupted while creating Kafka users and ACLs", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackStartupException("Could not create Kafka users and ACLs: " + e.getMessage(), e);
        }
    }
}
