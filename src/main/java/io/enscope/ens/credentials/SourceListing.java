package io.enscope.ens.credentials;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one file source yielded: its profiles in file order, problems that concern the whole file,
 * and the profile name the file itself designates as current (config.json's {@code current}).
 *
 * @param file         the file
 * @param present      whether the file exists
 * @param readable     whether profiles could be read from it (false for a wholly malformed file)
 * @param entries      the profiles, duplicates included (marked with a problem)
 * @param fileProblems problems of the whole file; with {@code readable} they are warnings only
 * @param current      the profile name the file designates, empty when it designates none
 */
record SourceListing(Path file, boolean present, boolean readable, List<SourceEntry> entries,
                     List<CredentialsProblem> fileProblems, Optional<String> current) {

    SourceListing {
        entries = List.copyOf(entries);
        fileProblems = List.copyOf(fileProblems);
    }

    static SourceListing absent(Path file) {
        return new SourceListing(file, false, false, List.of(), List.of(), Optional.empty());
    }

    static SourceListing broken(Path file, CredentialsProblem problem) {
        return new SourceListing(file, true, false, List.of(), List.of(problem), Optional.empty());
    }

    /** @return the first entry of that name; later duplicates are shadowed, as in the aliyun CLI */
    Optional<SourceEntry> find(String name) {
        return entries.stream().filter(entry -> entry.ref().name().equals(name)).findFirst();
    }
}
