package dev.camelzest.routes.filedrop;

/** One data row of a dropped file, as a flow's reader makes it. */
public interface DropRow {

    /** 1-based position among the file's data rows (a CSV header and blank lines are not rows). */
    long rowNumber();
}
