package org.daleel.media.index;

import java.nio.file.Path;
import org.daleel.match.HashIndex;
import org.daleel.match.HashIndexContract;

/** The contract with the substring layout used for the crop matcher's keys. */
class DiagonalMultiIndexHashIndexTest extends HashIndexContract {
    @Override
    protected HashIndex open(Path dir) {
        return MultiIndexHashIndex.open(dir, MultiIndexHashIndex.SubstringLayout.DIAGONAL);
    }
}
