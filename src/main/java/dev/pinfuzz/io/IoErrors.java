package dev.pinfuzz.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Why a file operation failed, in the words {@code strerror} would use. The JDK's exceptions
 * often carry only the path as their message, which tells a user nothing they did not type.
 */
public final class IoErrors {
    private IoErrors() {}

    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NotDirectoryException) return "not a directory";
        if (e instanceof DirectoryNotEmptyException) return "directory not empty";
        if (e instanceof FileAlreadyExistsException) return "a file of that name is in the way";
        if (e instanceof FileSystemException f && f.getReason() != null) return lower(f.getReason());
        return e.getMessage() != null ? lower(e.getMessage()) : e.getClass().getSimpleName();
    }

    /** "Is a directory" as strerror's sentence, lower-cased for the middle of ours; a path stays as it is. */
    private static String lower(String s) {
        return s.matches("[A-Z][a-z-]+( [a-z-]+)+") ? s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1) : s;
    }
}
