package vn.motcua.console;

class InMemoryLoginFailuresTest extends LoginFailuresContract {

    private LoginFailures last;

    @Override
    LoginFailures newFailures() {
        last = new InMemoryLoginFailures(PROPERTIES);
        return last;
    }

    @Override
    LoginFailures sameFailures() {
        return last;
    }
}
