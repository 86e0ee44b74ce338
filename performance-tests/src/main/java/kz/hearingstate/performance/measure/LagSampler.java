package kz.hearingstate.performance.measure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Samples the lag of the services' consumer groups once a second while a run's load lasts, in a thread of its
 * own, and judges afterwards whether each group kept up ({@link #keptUp}). Stages that have no consumer group of
 * their own to ask are sampled the same way from a backlog of theirs (see {@link #LagSampler}).
 */
public final class LagSampler {

    /** One sample: milliseconds since the start of the load, and each group's lag and input at that moment. */
    public record Sample(long atMillis, Map<String, ConsumerLag.GroupLag> groups) {
    }

    /**
     * What one group's lag did during a run.
     *
     * @param lagAtThird the sample nearest to one third of the load window
     * @param lagAtEnd   the last sample, at the end of the load
     * @param maxLag     the highest sample
     * @param slack      how much the lag may grow between the two and still count as bounded: the records that
     *                   reach the group in {@link #SLACK} at the rate they reached it during the run (at least
     *                   {@link #MIN_SLACK_RECORDS}), e.g. one batch that is being worked on
     * @param keptUp     {@code lagAtEnd <= lagAtThird + slack}; null if fewer than 3 samples were taken
     */
    public record GroupVerdict(long lagAtThird, long lagAtEnd, long maxLag, long slack, Boolean keptUp) {
    }

    public static final Duration INTERVAL = Duration.ofSeconds(1);
    public static final Duration SLACK = Duration.ofSeconds(2);
    public static final long MIN_SLACK_RECORDS = 20;

    private final ConsumerLag lag;
    private final List<String> groups;
    private final Map<String, Supplier<ConsumerLag.GroupLag>> backlogs;
    private final List<Sample> samples = new ArrayList<>();
    private volatile boolean running;
    private Thread thread;
    private long startedAt;

    /**
     * @param groups   the consumer groups, whose lag Kafka knows
     * @param backlogs stages Kafka cannot tell about, by name: what each has taken in and not yet passed on, e.g.
     *                 notification's delivery, whose group commits a record once its messages are recorded and before
     *                 they are sent
     */
    public LagSampler(ConsumerLag lag, List<String> groups, Map<String, Supplier<ConsumerLag.GroupLag>> backlogs) {
        this.lag = lag;
        this.groups = List.copyOf(groups);
        this.backlogs = new LinkedHashMap<>(backlogs);
    }

    /** What this sampler judges: the groups, then the backlogs, by name. */
    public List<String> judged() {
        List<String> judged = new ArrayList<>(groups);
        judged.addAll(backlogs.keySet());
        return judged;
    }

    public LagSampler start() {
        synchronized (samples) {
            samples.clear();
        }
        running = true;
        startedAt = System.nanoTime();
        thread = Thread.ofPlatform().name("lag-sampler").daemon().start(this::sampleUntilStopped);
        return this;
    }

    /** Takes a last sample (the end of the load) and returns every sample of the run. */
    public List<Sample> stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(Duration.ofSeconds(20));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sampleOnce();
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    private void sampleUntilStopped() {
        while (running) {
            long next = System.nanoTime() + INTERVAL.toNanos();
            sampleOnce();
            long wait = next - System.nanoTime();
            if (wait > 0 && running) {
                try {
                    Thread.sleep(Duration.ofNanos(wait));
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private void sampleOnce() {
        Map<String, ConsumerLag.GroupLag> now = new LinkedHashMap<>();
        for (String group : groups) {
            try {
                now.put(group, lag.ofGroup(group));
            } catch (IllegalStateException unreadable) {
                // a slow answer under load: this sample goes without that group
            }
        }
        backlogs.forEach((stage, backlog) -> {
            try {
                now.put(stage, backlog.get());
            } catch (RuntimeException unreadable) {
                // as with a group: this sample goes without that stage
            }
        });
        synchronized (samples) {
            samples.add(new Sample((System.nanoTime() - startedAt) / 1_000_000, now));
        }
    }

    /** Every group's verdict over the samples of one run. */
    public static Map<String, GroupVerdict> verdicts(List<Sample> samples, List<String> groups) {
        Map<String, GroupVerdict> verdicts = new LinkedHashMap<>();
        for (String group : groups) {
            verdicts.put(group, keptUp(samples.stream().filter(s -> s.groups().containsKey(group))
                    .map(s -> new long[] {s.atMillis(), s.groups().get(group).lag(), s.groups().get(group).written()})
                    .toList()));
        }
        return verdicts;
    }

    /**
     * Bounded lag: at the end of the load, the group is no further behind than it was at one third of it, give or
     * take the slack. The first third is left out because a run starts with whatever the run before left behind.
     *
     * @param samples {atMillis, lag, written} in the order taken
     */
    static GroupVerdict keptUp(List<long[]> samples) {
        if (samples.isEmpty()) {
            return new GroupVerdict(0, 0, 0, 0, null);
        }
        long[] last = samples.getLast();
        long[] first = samples.getFirst();
        long third = last[0] / 3;
        long[] atThird = samples.stream().min(java.util.Comparator.comparingLong(s -> Math.abs(s[0] - third))).orElseThrow();
        long max = samples.stream().mapToLong(s -> s[1]).max().orElse(0);
        double seconds = Math.max(1, last[0] - first[0]) / 1000.0;
        long slack = Math.max(MIN_SLACK_RECORDS, Math.round((last[2] - first[2]) / seconds * SLACK.toSeconds()));
        Boolean keptUp = samples.size() < 3 ? null : last[1] <= atThird[1] + slack;
        return new GroupVerdict(atThird[1], last[1], max, slack, keptUp);
    }
}
