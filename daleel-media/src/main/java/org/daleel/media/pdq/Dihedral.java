package org.daleel.media.pdq;

/**
 * The eight rotations and mirror images of a picture, in Meta's order, with how each transforms a
 * PDQ DCT block (PDQ hashing.pdf, dihedral section).
 *
 * <p>Mirroring an axis multiplies the DCT basis functions of odd frequency along that axis by -1;
 * swapping the axes transposes the block. Our 16x16 block holds frequencies 1..16 (the DC term is
 * skipped), so odd frequencies are the even indices 0, 2, .., 14. Each constant says which of
 * those sign changes it applies to the block {@code A[row][col]} and whether it then transposes.
 * Checked against pictures transformed pixel by pixel ({@code PdqHasherTest}).
 */
public enum Dihedral {
    /** The picture as it is. */
    ORIGINAL("original", false, false, false),
    /** Turned 90 degrees counter-clockwise. */
    ROTATE_90("rotate90", false, true, true),
    /** Turned 180 degrees. */
    ROTATE_180("rotate180", true, true, false),
    /** Turned 90 degrees clockwise. */
    ROTATE_270("rotate270", true, false, true),
    /** Mirrored top to bottom (about the horizontal axis). */
    FLIP_X("flipX", true, false, false),
    /** Mirrored left to right (about the vertical axis). */
    FLIP_Y("flipY", false, true, false),
    /** Mirrored about the main diagonal (top-left to bottom-right): transposed. */
    FLIP_PLUS1("flipPlus1", false, false, true),
    /** Mirrored about the other diagonal (top-right to bottom-left). */
    FLIP_MINUS1("flipMinus1", true, true, true);

    private final String label;
    final boolean negateOddRows;
    final boolean negateOddColumns;
    final boolean transpose;

    Dihedral(String label, boolean negateOddRows, boolean negateOddColumns, boolean transpose) {
        this.label = label;
        this.negateOddRows = negateOddRows;
        this.negateOddColumns = negateOddColumns;
        this.transpose = transpose;
    }

    /** Meta's name, as in its tools' output ({@code original}, {@code rotate90}, ...). */
    public String label() {
        return label;
    }
}
