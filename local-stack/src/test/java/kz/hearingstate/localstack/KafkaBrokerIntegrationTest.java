package kz.hearingstate.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import kz.hearingstate.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker the local stack runs: a real kafka_2.13 process, formatted once, provisioned explicitly. */
class KafkaBrokerIntegrationTest {

    @TempDir
    Path data;

    @Test
    void givenAFreshDataDirectory_whenTheBrokerStartsAndRestarts_thenExplicitTopicsAndRecordsSurviveAndNothingIsAutoCreated() throws Exception {
        StackSettings settings = StackSettings.onFreePorts(Path.of(".."), data, Path.of("target/kafka-libs"));
        String appealId = "0b8c6a6e-1111-4f0e-9c55-2f1c1f1b0001";

        String intakePassword;
        try (KafkaBroker broker = KafkaBroker.start(settings)) {
            Map<String, Object> admin = broker.clientConfig(KafkaCredentials.ADMIN);
            List<String> created = TopicCatalog.provision(settings.repositoryRoot(), admin);
            assertThat(created).hasSize(TopicList.read(settings.repositoryRoot()).topics().size())
                    .contains(Topics.APPEALS_SUBMITTED, "departments.akim-office.inbox", "departments.akim-office.actions",
                            Topics.DEPARTMENTS_DIRECTORY);
            assertPartitionsAndCompaction(admin);
            assertUnknownTopicIsNotAutoCreated(admin);
            send(broker.clientConfig("intake"), Topics.APPEALS_SUBMITTED, appealId, "{\"appealId\":\"" + appealId + "\"}");
            intakePassword = broker.credentials().password("intake");
            assertThat(Files.getPosixFilePermissions(data.resolve("kafka.properties")))
                    .as("the broker's configuration holds passwords").containsOnly(
                            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
        }

        try (KafkaBroker restarted = KafkaBroker.start(settings)) {
            assertThat(restarted.credentials().password("intake")).as("passwords are made once, at first start")
                    .isEqualTo(intakePassword);
            assertThat(TopicCatalog.provision(settings.repositoryRoot(), restarted.clientConfig(KafkaCredentials.ADMIN)))
                    .as("a restart finds every topic already there").isEmpty();
            List<ConsumerRecord<String, String>> records = readAll(restarted.clientConfig(KafkaCredentials.ADMIN),
                    Topics.APPEALS_SUBMITTED);
            assertThat(records).extracting(ConsumerRecord::key).containsExactly(appealId);
        }
    }

    private static void assertPartitionsAndCompaction(Map<String, Object> adminConfig) throws Exception {
        try (Admin admin = Admin.create(adminConfig)) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of(Topics.APPEALS_SUBMITTED,
                    Topics.APPEALS_LIFECYCLE, "departments.education.inbox")).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get(Topics.APPEALS_SUBMITTED).partitions()).hasSize(6);
            assertThat(topics.get(Topics.APPEALS_LIFECYCLE).partitions()).hasSize(6);
            assertThat(topics.get("departments.education.inbox").partitions()).hasSize(3);
            ConfigResource directory = new ConfigResource(ConfigResource.Type.TOPIC, Topics.DEPARTMENTS_DIRECTORY);
            assertThat(admin.describeConfigs(List.of(directory)).all().get(30, TimeUnit.SECONDS)
                    .get(directory).get("cleanup.policy").value()).isEqualTo("compact");
            ConfigResource submitted = new ConfigResource(ConfigResource.Type.TOPIC, Topics.APPEALS_SUBMITTED);
            assertThat(admin.describeConfigs(List.of(submitted)).all().get(30, TimeUnit.SECONDS)
                    .get(submitted).get("retention.ms").value()).as("kept forever, as topics.txt says").isEqualTo("-1");
        }
    }

    private static void assertUnknownTopicIsNotAutoCreated(Map<String, Object> client) {
        Properties properties = producerProperties(client);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>("appeals.submited-typo", "k", "v"))
                    .get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("appeals.submited-typo");
        }
    }

    private static void send(Map<String, Object> client, String topic, String key, String value)
            throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties(client))) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    static Properties producerProperties(Map<String, Object> client) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return properties;
    }

    private static List<ConsumerRecord<String, String>> readAll(Map<String, Object> client, String topic) {
        Properties properties = new Properties();
        properties.putAll(client);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
