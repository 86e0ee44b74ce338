package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HotMethodsTest {

    @Test
    void givenJfrPrintOutput_whenTopFramesAreCounted_thenEachSampleCountsOnlyItsTopFrameWithoutLineNumbers() {
        List<String> printed = new ArrayList<>();
        sample(printed, "java.util.HashMap.putVal(int, Object, Object, boolean, boolean) line: 637",
                "java.util.HashMap.put(Object, Object) line: 610");
        sample(printed, "java.util.HashMap.putVal(int, Object, Object, boolean, boolean) line: 640",
                "java.util.HashMap.put(Object, Object) line: 610");
        sample(printed, "sun.nio.ch.EPoll.wait(int, long, int, int) line: 0");
        sample(printed, "java.util.HashMap.putVal(int, Object, Object, boolean, boolean) line: 637");

        List<List<String>> stacks = HotMethods.stacks(printed);

        assertThat(HotMethods.topFrames(stacks, 1))
                .containsExactly(entry("java.util.HashMap.putVal(int, Object, Object, boolean, boolean)", 75.0));
        assertThat(HotMethods.topFrames(stacks, 5)).containsEntry("sun.nio.ch.EPoll.wait(int, long, int, int)", 25.0)
                .hasSize(2);
    }

    @Test
    void givenJdkFramesOnTop_whenLayersAreCounted_thenEachSampleGoesToItsInnermostFrameOutsideTheJdk() {
        List<String> printed = new ArrayList<>();
        sample(printed, "java.util.HashMap.getNode(Object) line: 570", "java.util.HashMap.get(Object) line: 558",
                "com.mongodb.internal.connection.InternalStreamConnection.sendAndReceive(Object) line: 12",
                "kz.hearingstate.intake.status.AppealStatusStore.applyAll(List) line: 130");
        sample(printed, "javax.crypto.Mac.doFinal() line: 1", "kz.hearingstate.web.Hashing.sha256Hex(String) line: 3",
                "org.springframework.web.filter.OncePerRequestFilter.doFilter(ServletRequest) line: 9");
        sample(printed, "org.springframework.kafka.core.KafkaTemplate.doSend(ProducerRecord) line: 1",
                "org.springframework.beans.factory.Bean.get() line: 2");
        sample(printed, "sun.nio.ch.EPoll.wait(int, long, int, int) line: 0", "java.lang.Thread.run() line: 1");

        assertThat(HotMethods.layers(HotMethods.stacks(printed))).containsOnly(
                entry("MongoDB driver and BSON", 25.0),
                entry("project code (kz.hearingstate)", 25.0),
                entry("Spring Cloud Stream, Integration, Kafka, Messaging", 25.0),
                entry("JDK only (threads, I/O, collections with no library caller in view)", 25.0));
    }

    @Test
    void givenAnUnknownLibrary_whenItsLayerIsAsked_thenItIsOtherLibrariesNotTheRestOfSpring() {
        assertThat(HotMethods.layerOf(List.of("java.lang.String.hashCode()", "org.h2.mvstore.MVMap.get(Object)")))
                .isEqualTo("other libraries");
        assertThat(HotMethods.layerOf(List.of("org.springframework.data.mongodb.core.MongoTemplate.insert(Object)")))
                .isEqualTo("Spring Data MongoDB (mapping, queries)");
        assertThat(HotMethods.layerOf(List.of("org.springframework.beans.BeanUtils.copy(Object)")))
                .isEqualTo("Spring core, beans, AOP");
    }

    private static void sample(List<String> out, String... frames) {
        out.add("jdk.ExecutionSample {");
        out.add("  startTime = 08:01:02.123 (2026-11-28)");
        out.add("  sampledThread = \"http-nio-8081-exec-1\" (javaThreadId = 42)");
        out.add("  state = \"STATE_RUNNABLE\"");
        out.add("  stackTrace = [");
        for (String frame : frames) {
            out.add("    " + frame);
        }
        out.add("    ...");
        out.add("  ]");
        out.add("}");
    }
}
