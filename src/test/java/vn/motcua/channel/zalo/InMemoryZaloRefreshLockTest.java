package vn.motcua.channel.zalo;

class InMemoryZaloRefreshLockTest extends ZaloRefreshLockContract {

    @Override
    ZaloRefreshLock newLock() {
        return new InMemoryZaloRefreshLock();
    }

    @Override
    ZaloRefreshLock anotherInstanceSharing(ZaloRefreshLock lock) {
        return lock;
    }
}
