package kz.hearingstate.localstack;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.IntStream;

/**
 * How many Kafka brokers the stack runs and how many instances of each service: one broker and one instance
 * (the default), or the shape users who outgrow one machine run, as compose's {@code ha} profile does: three
 * KRaft nodes (each broker and controller, replication factor 3, {@code min.insync.replicas} 2) and a second
 * instance of services that then share their consumer groups' partitions.
 *
 * @param moreBrokers     the ports of Kafka nodes 2 and 3 (empty: a single broker, node 1 on the settings' ports)
 * @param secondInstances the HTTP port of a second instance, per service that runs two
 */
public record StackShape(List<KafkaNode> moreBrokers, Map<StackService, Integer> secondInstances) {

    /** One broker, one instance of each service. */
    public static final StackShape SINGLE = new StackShape(List.of(), Map.of());
    /** Brokers in a cluster: a quorum of three survives the loss of one. */
    public static final int CLUSTER_SIZE = 3;
    /** Replicas a write needs before it is acknowledged (acks=all) in a cluster. */
    public static final int CLUSTER_MIN_INSYNC_REPLICAS = 2;
    /** {@code ./run.sh --kafka-cluster}: nodes 2 and 3 on 9192/9193 and 9292/9293 (node 1 keeps 9092/9093). */
    private static final int DEVELOPMENT_NODE_PORT_STEP = 100;
    /** {@code ./run.sh --two-instances}: the second instances on 8091-8094, beside 8081-8084. */
    private static final int DEVELOPMENT_SECOND_INSTANCE_OFFSET = 10;

    /** A Kafka node's client and controller ports. */
    public record KafkaNode(int port, int controllerPort) {
    }

    public StackShape {
        if (!moreBrokers.isEmpty() && moreBrokers.size() != CLUSTER_SIZE - 1) {
            throw new IllegalArgumentException("One broker or a cluster of " + CLUSTER_SIZE + ", not " + (1 + moreBrokers.size()));
        }
        moreBrokers = List.copyOf(moreBrokers);
        // In start order (intake first), whatever map it came in.
        secondInstances = secondInstances.isEmpty() ? Map.of()
                : java.util.Collections.unmodifiableMap(new EnumMap<>(secondInstances));
    }

    /** The shape run.sh's options ask for, on fixed ports next to the developer stack's. */
    public static StackShape forDevelopment(boolean kafkaCluster, boolean twoInstances, int kafkaPort, int controllerPort) {
        List<KafkaNode> nodes = !kafkaCluster ? List.of() : IntStream.range(1, CLUSTER_SIZE)
                .mapToObj(n -> new KafkaNode(kafkaPort + n * DEVELOPMENT_NODE_PORT_STEP,
                        controllerPort + n * DEVELOPMENT_NODE_PORT_STEP))
                .toList();
        Map<StackService, Integer> second = new EnumMap<>(StackService.class);
        if (twoInstances) {
            for (StackService service : StackService.values()) {
                second.put(service, service.defaultPort() + DEVELOPMENT_SECOND_INSTANCE_OFFSET);
            }
        }
        return new StackShape(nodes, second);
    }

    /** The same shape for an isolated stack (tests): every port taken from {@code freePort}. */
    public static StackShape onFreePorts(boolean kafkaCluster, List<StackService> twoInstancesOf, IntSupplier freePort) {
        List<KafkaNode> nodes = !kafkaCluster ? List.of() : IntStream.range(1, CLUSTER_SIZE)
                .mapToObj(n -> new KafkaNode(freePort.getAsInt(), freePort.getAsInt())).toList();
        Map<StackService, Integer> second = new EnumMap<>(StackService.class);
        twoInstancesOf.forEach(service -> second.put(service, freePort.getAsInt()));
        return new StackShape(nodes, second);
    }

    public boolean kafkaCluster() {
        return !moreBrokers.isEmpty();
    }

    public int brokers() {
        return 1 + moreBrokers.size();
    }

    /** Replicas of every topic: one per broker. */
    public short replicationFactor() {
        return (short) brokers();
    }

    public int minInsyncReplicas() {
        return kafkaCluster() ? CLUSTER_MIN_INSYNC_REPLICAS : 1;
    }
}
