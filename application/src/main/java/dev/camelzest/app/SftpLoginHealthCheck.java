package dev.camelzest.app;

import java.util.Map;
import java.util.Optional;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;
import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Readiness: the configured SFTP server accepts the configured login, with the host key checked as the routes
 * check it. A wrong password shows here as DOWN with the server's reason (never the password).
 */
final class SftpLoginHealthCheck extends AbstractHealthCheck {

    private static final int TIMEOUT_MS = 10_000;

    private final AppProperties app;

    SftpLoginHealthCheck(AppProperties app) {
        super("camel-zest", "sftp");
        this.app = app;
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        builder.detail("server", server());
        try {
            login();
            builder.up();
        } catch (JSchException | RuntimeException e) {
            builder.detail("reason", String.valueOf(e.getMessage())).down();
        }
    }

    /** Why a login fails, in one line naming the settings to check; empty when it succeeds. */
    Optional<String> problem() {
        try {
            login();
            return Optional.empty();
        } catch (JSchException | RuntimeException e) {
            return Optional.of("SFTP login to " + server() + " failed: " + e.getMessage() + " (check "
                    + AppProperties.SFTP_USERNAME + ", " + AppProperties.SFTP_PASSWORD + " or "
                    + AppProperties.SFTP_PRIVATE_KEY_FILE + ", " + AppProperties.SFTP_KNOWN_HOSTS_FILE
                    + "); readiness stays DOWN until it succeeds");
        }
    }

    private void login() throws JSchException {
        JSch jsch = new JSch();
        if (app.isSet(AppProperties.SFTP_KNOWN_HOSTS_FILE)) {
            jsch.setKnownHosts(app.get(AppProperties.SFTP_KNOWN_HOSTS_FILE).orElseThrow());
        }
        if (app.isSet(AppProperties.SFTP_PRIVATE_KEY_FILE)) {
            jsch.addIdentity(app.get(AppProperties.SFTP_PRIVATE_KEY_FILE).orElseThrow());
        }
        Session session = jsch.getSession(app.get(AppProperties.SFTP_USERNAME).orElseThrow(),
                app.get(AppProperties.SFTP_HOST).orElseThrow(), Integer.parseInt(app.get(AppProperties.SFTP_PORT, "22")));
        app.get(AppProperties.SFTP_PASSWORD).ifPresent(session::setPassword);
        session.setConfig("StrictHostKeyChecking", "yes");
        try {
            session.connect(TIMEOUT_MS);
        } finally {
            session.disconnect();
        }
    }

    private String server() {
        return app.get(AppProperties.SFTP_USERNAME, "?") + "@" + app.get(AppProperties.SFTP_HOST, "?") + ":"
                + app.get(AppProperties.SFTP_PORT, "22");
    }
}
