package dev.camelzest.routes.subscriptions;

import dev.camelzest.routes.filedrop.FileDropRoutes;
import org.apache.camel.builder.RouteBuilder;

/**
 * {@value #SFTP} and {@value #FILE}: subscriptions CSV files dropped on SFTP or in a local directory are streamed
 * through the file-drop pipeline ({@link FileDropRoutes}) as the {@link SubscriptionFlow}: each batch's rows become
 * one {@code createSubscriptions} call per SPV; investors given by partnerInvestorId are resolved through the
 * ledger (unknown ones are reported, not sent). Results, errors and summary files go to the results directory, the
 * input to the done directory; an unreadable file goes to the error directory with a report. Zest refusing one
 * SPV's call fails its rows only; a transient failure is retried with the same Idempotency-Key, and when retries
 * run out the file stays for a later run, where rows already created are found in the ledger.
 */
public class SubscriptionTemplates extends RouteBuilder {

    public static final String SFTP = "zest-subscriptions-sftp";
    public static final String FILE = "zest-subscriptions-file";

    private static final FileDropRoutes.Flow FLOW = new FileDropRoutes.Flow(
            "Subscriptions CSV files into zest:createSubscriptions", "(?i).*\\.csv", "zest:createSubscriptions",
            "500", true, "1", "4", flow -> new SubscriptionFlow(FileDropRoutes.delimiter(flow.text("csvDelimiter")),
                    flow.ledger().investors(), flow.ledger().subscriptions()));

    @Override
    public void configure() {
        FileDropRoutes.sftpTemplate(this, SFTP, FLOW);
        FileDropRoutes.fileTemplate(this, FILE, FLOW);
    }
}
