package dev.camelzest.routes.investors;

import dev.camelzest.routes.filedrop.FileDropRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * Route templates that onboard investor files in bulk: a file dropped on SFTP ({@value #SFTP}) or in a local
 * directory ({@value #FILE}) is read row by row (CSV or JSON Lines), validated, sent to
 * {@code zest:bulkCreateInvestors} in batches, and answered with a results file, an errors file and a summary file
 * in the results directory. The pipeline ({@link FileDropRoutes}) does the rest for this {@link InvestorFlow}:
 * the input moves to the done directory only once every row has a result; a file that cannot be read moves to the
 * error directory with a report; an import that stops part-way (credentials refused, retries exhausted) leaves the
 * file in place for a later run, which reports the rows this file created as {@code created} (the ledger records
 * which file created each person).
 * <p>
 * Usable from Java ({@code TemplatedRouteBuilder}), YAML ({@code templatedRoutes}) and Camel Main properties
 * ({@code camel.route-template[0].template-id=zest-investor-import-sftp}). Directories are relative to the input
 * directory.
 */
public class InvestorImportTemplates extends RouteBuilder {

    public static final String SFTP = "zest-investor-import-sftp";
    public static final String FILE = "zest-investor-import-file";

    private static final FileDropRoutes.Flow FLOW = new FileDropRoutes.Flow(
            "Investor files into zest:bulkCreateInvestors", "(?i).*\\.(csv|jsonl|ndjson)", "zest:bulkCreateInvestors",
            "500", false, "4", null, flow -> new InvestorFlow(HeaderMapping.parse(flow.text("headerMapping")),
                    FileDropRoutes.delimiter(flow.text("csvDelimiter")), flow.ledger().investors()));

    @Override
    public void configure() {
        headerMapping(FileDropRoutes.sftpTemplate(this, SFTP, FLOW));
        headerMapping(FileDropRoutes.fileTemplate(this, FILE, FLOW));
    }

    private static void headerMapping(RouteTemplateDefinition template) {
        template.templateParameter("headerMapping", "",
                "Column names that differ from Zest's: field=Column pairs, comma-separated");
    }
}
