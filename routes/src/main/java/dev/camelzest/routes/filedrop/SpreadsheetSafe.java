package dev.camelzest.routes.filedrop;

/**
 * Neutralises CSV injection as OWASP recommends: a text cell that a spreadsheet would take for a formula (it begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is prefixed with a single quote, and
 * Commons CSV quotes (and escapes) every cell whose content needs it, a tab or carriage return among them. Applied
 * to every value written back into a CSV results file: ids, messages, any echoed cell of the partner's file. Cells
 * are not all quoted: that would change the shape of every results file for no gain, the prefix is what disarms.
 */
public final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    public static Object cell(Object value) {
        if (value instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return value;
    }
}
