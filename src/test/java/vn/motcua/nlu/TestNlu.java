package vn.motcua.nlu;

import vn.motcua.content.ContentFiles;
import vn.motcua.content.ContentProperties;

/** The shipped NLU (packaged content, chosen settings), trained once per test JVM and shared by the NLU tests. */
public final class TestNlu {

    private static Nlu nlu;

    private TestNlu() {
    }

    public static synchronized Nlu get() {
        if (nlu == null) {
            nlu = NluFactory.build(files(), ClassifierSettings.CHOSEN, NluProperties.DEFAULT_LOW_CONFIDENCE);
        }
        return nlu;
    }

    static ContentFiles files() {
        return new ContentFiles(ContentProperties.of(null));
    }
}
