package kz.hearingstate.performance.load;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import kz.hearingstate.localstack.StackSettings;

/**
 * The mail server notification sends to in a benchmark: a GreenMail SMTP server in the load generator's process, on a
 * free port, that accepts every message and forgets it within a second. In production the mail server is not in
 * notification's process, so neither is it here: the local stack's dev mailbox (notification's embedded GreenMail)
 * would add the server's CPU and the kept messages' heap to notification's figures.
 */
public final class MailSink implements AutoCloseable {

    private final GreenMail greenMail;
    private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mail-sink-purge");
        thread.setDaemon(true);
        return thread;
    });

    private MailSink(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** Starts the server on a free loopback port. */
    public static MailSink start() {
        GreenMail greenMail = new GreenMail(new ServerSetup(StackSettings.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        greenMail.start();
        MailSink sink = new MailSink(greenMail);
        sink.purger.scheduleWithFixedDelay(sink::purge, 1, 1, TimeUnit.SECONDS);
        return sink;
    }

    public int port() {
        return greenMail.getSmtp().getPort();
    }

    /** How many messages it holds now (at most about a second's worth). */
    public int held() {
        return greenMail.getReceivedMessages().length;
    }

    private void purge() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException | RuntimeException e) {
            // The next purge tries again; a benchmark must not stop over its mail sink's housekeeping.
        }
    }

    @Override
    public void close() {
        purger.shutdownNow();
        greenMail.stop();
    }
}
