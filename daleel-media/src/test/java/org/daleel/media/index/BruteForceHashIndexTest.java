package org.daleel.media.index;

import java.nio.file.Path;
import org.daleel.match.HashIndex;
import org.daleel.match.HashIndexContract;

class BruteForceHashIndexTest extends HashIndexContract {
    @Override
    protected HashIndex open(Path dir) {
        return BruteForceHashIndex.open(dir);
    }
}
