package kz.hearingstate.performance.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessSampleTest {

    @Test
    void givenAStatLineWhoseCommandNameHoldsSpacesAndParentheses_whenParsed_thenUserPlusSystemTicksAreRead() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 1500 250 0 0 20 0 30 0 900 0 0";

        assertThat(ProcessSample.cpuTicks(stat)).isEqualTo(1750);
    }

    @Test
    void givenThreadStatLines_whenNamed_thenOnlyTheJitCompilerThreadsCount() {
        assertThat(ProcessSample.isJitCompiler("81 (C2 CompilerThre) S 1 80 80 0 -1 0 0 0 0 0 900 12 0 0")).isTrue();
        assertThat(ProcessSample.isJitCompiler("82 (C1 CompilerThre) S 1 80 80 0 -1 0 0 0 0 0 300 4 0 0")).isTrue();
        assertThat(ProcessSample.isJitCompiler("83 (http-nio-8081-e) S 1 80 80 0 -1 0 0 0 0 0 900 12 0 0")).isFalse();
        assertThat(ProcessSample.isJitCompiler("84 (G1 Conc#0) S 1 80 80 0 -1 0 0 0 0 0 900 12 0 0")).isFalse();
    }

    @Test
    void givenTwoSamplesOfCompilerTicks_whenCompared_thenTheirDifferenceCountsUnlessOneCouldNotReadThem() {
        ProcessSample earlier = new ProcessSample(1, 0, 1000, 300, 0, 0);

        assertThat(new ProcessSample(1, 1, 1150, 320, 0, 0).jitMillisSince(earlier)).isEqualTo(200);
        assertThat(new ProcessSample(1, 1, 1150, -1, 0, 0).jitMillisSince(earlier)).isNull();
        assertThat(new ProcessSample(1, 1, 1150, 320, 0, 0).jitMillisSince(new ProcessSample(1, 0, 1000, -1, 0, 0)))
                .isNull();
    }

    @Test
    void givenThisJvm_whenItsThreadsAreListed_thenItsJitCompilerThreadsAreFoundAndTheirCpuIsPartOfItsOwn() throws Exception {
        long pid = ProcessHandle.current().pid();

        assertThat(ProcessSample.jitCompilerStats(pid)).isNotEmpty()
                .allSatisfy(stat -> assertThat(stat).containsAnyOf("(C1 CompilerThre)", "(C2 CompilerThre)"));
        ProcessSample self = ProcessSample.of(pid).orElseThrow();
        assertThat(self.jitTicks()).isNotNegative().isLessThanOrEqualTo(self.cpuTicks());
    }

    @Test
    void givenStatusLines_whenParsed_thenResidentAndPeakResidentMemoryAreRead() {
        List<String> status = List.of("Name:\tjava", "VmHWM:\t  412000 kB", "VmRSS:\t  398123 kB");

        assertThat(ProcessSample.kib(status, "VmRSS:")).isEqualTo(398123);
        assertThat(ProcessSample.kib(status, "VmHWM:")).isEqualTo(412000);
    }

    @Test
    void givenTwoSamplesOneSecondApartWith150TicksUsed_whenCompared_thenOneAndAHalfCoresWereBusy() {
        ProcessSample earlier = new ProcessSample(1, 0, 1000, 0, 0, 0);
        ProcessSample later = new ProcessSample(1, 1_000_000_000L, 1150, 0, 0, 0);

        assertThat(later.cpuPercentSince(earlier)).isEqualTo(150.0);
    }

    @Test
    void givenThisJvm_whenSampled_thenItHasMemoryAndHasUsedCpu() {
        ProcessSample self = ProcessSample.of(ProcessHandle.current().pid()).orElseThrow();

        assertThat(self.rssKib()).isPositive();
        assertThat(self.peakRssKib()).isGreaterThanOrEqualTo(self.rssKib());
        assertThat(self.cpuTicks()).isPositive();
    }
}
