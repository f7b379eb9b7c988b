package org.daleel.media.index;

import java.nio.file.Path;

class BruteForceHashIndexTest extends HashIndexContract {
    @Override
    protected HashIndex open(Path dir) {
        return BruteForceHashIndex.open(dir);
    }
}
