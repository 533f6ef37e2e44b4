package io.enscope.ens.credentials;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a credential file as text, telling "absent" apart from "present but unreadable". */
final class FileText {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private FileText() {
    }

    /** The outcome of reading: the text, or the problem, or absence (both empty). */
    record Result(boolean present, String text, CredentialsProblem problem) {
        @Override
        public String toString() {
            // The text is a credentials file; never print it.
            return "Result[present=" + present + ", problem=" + (problem == null ? "none" : problem.message()) + "]";
        }
    }

    static Result read(Path file) {
        if (!Files.exists(file)) {
            return new Result(false, null, null);
        }
        if (!Files.isRegularFile(file)) {
            return new Result(true, null, CredentialsProblem.of(CredentialsError.UNREADABLE_FILE, file, "not a file"));
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            // Notepad on Windows writes a BOM, which neither JSON nor INI parsing expects.
            if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) {
                text = text.substring(1);
            }
            return new Result(true, text, null);
        } catch (IOException e) {
            // The exception type (AccessDeniedException, …) says enough; its message is only the path again.
            return new Result(true, null,
                    CredentialsProblem.of(CredentialsError.UNREADABLE_FILE, file, e.getClass().getSimpleName()));
        }
    }
}
