package vn.motcua.knowledge;

/** A directory file that cannot be trusted: the message names the file and the line, for the staff who edit it. */
public class DirectoryFormatException extends RuntimeException {

    public DirectoryFormatException(String file, int line, String problem) {
        super("directory-data/" + file + " line " + line + ": " + problem);
    }
}
