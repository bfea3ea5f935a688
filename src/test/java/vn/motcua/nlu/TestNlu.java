package vn.motcua.nlu;

import vn.motcua.knowledge.ContentFiles;
import vn.motcua.knowledge.KnowledgeProperties;

/** The shipped NLU (packaged content, chosen settings), trained once per test JVM and shared by the NLU tests. */
final class TestNlu {

    private static Nlu nlu;

    private TestNlu() {
    }

    static synchronized Nlu get() {
        if (nlu == null) {
            nlu = NluFactory.build(files(), ClassifierSettings.CHOSEN, NluProperties.DEFAULT_LOW_CONFIDENCE);
        }
        return nlu;
    }

    static ContentFiles files() {
        return new ContentFiles(KnowledgeProperties.of(null));
    }
}
