package dev.camelzest.routes.filedrop;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * How a dropped file is read: its character set and the bounds that keep one malformed file from running the JVM
 * out of memory. A file over a bound is unreadable as a whole (it goes to the error directory, nothing sent).
 *
 * @param charset         UTF-8 (a byte order mark is skipped), ISO-8859-1 or windows-1252
 * @param maxRecordLength the most characters of one CSV record or JSON line
 * @param maxFileSize     the most bytes of one file
 */
public record ReadLimits(Charset charset, int maxRecordLength, long maxFileSize) {

    /** The character sets partners' systems export; anything else is refused when the route is created. */
    public static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            Charset.forName("windows-1252"));

    public static final int DEFAULT_MAX_RECORD_LENGTH = 65_536;
    /** 4 GB: a file of tens of millions of investor rows. */
    public static final long DEFAULT_MAX_FILE_SIZE = 4L * 1024 * 1024 * 1024;

    public ReadLimits {
        if (!CHARSETS.contains(charset)) {
            throw new IllegalArgumentException("charset must be one of " + names() + ", got " + charset);
        }
        if (maxRecordLength < 1 || maxFileSize < 1) {
            throw new IllegalArgumentException("maxRecordLength and maxFileSize must be positive");
        }
    }

    public static ReadLimits defaults() {
        return new ReadLimits(StandardCharsets.UTF_8, DEFAULT_MAX_RECORD_LENGTH, DEFAULT_MAX_FILE_SIZE);
    }

    /** One of {@link #CHARSETS} by any of its names, in any case. */
    public static Charset charset(String name) {
        for (Charset charset : CHARSETS) {
            if (charset.name().equalsIgnoreCase(name.trim()) || charset.aliases().stream()
                    .anyMatch(alias -> alias.equalsIgnoreCase(name.trim()))) {
                return charset;
            }
        }
        throw new IllegalArgumentException("charset must be one of " + names() + ", got '" + name + "'");
    }

    private static String names() {
        return CHARSETS.stream().map(Charset::name).map(n -> n.toUpperCase(Locale.ROOT)).toList().toString();
    }
}
