package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;

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

        assertThat(HotMethods.topFrames(printed, 1))
                .containsExactly(org.assertj.core.api.Assertions.entry(
                        "java.util.HashMap.putVal(int, Object, Object, boolean, boolean)", 75.0));
        assertThat(HotMethods.topFrames(printed, 5)).containsEntry("sun.nio.ch.EPoll.wait(int, long, int, int)", 25.0)
                .hasSize(2);
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
        out.add("  ]");
        out.add("}");
    }
}
