package vn.motcua.handoff;

import java.time.Duration;

class InMemoryCaseFilesTest extends CaseFilesContract {

    @Override
    CaseFiles newFiles() {
        return new InMemoryCaseFiles(Duration.ofDays(30));
    }
}
