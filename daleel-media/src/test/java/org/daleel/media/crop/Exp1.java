package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import org.daleel.media.pdq.LumaPlane;
import org.daleel.media.pdq.PdqBlockHasher;
import org.daleel.media.pdq.PdqHash;
import org.daleel.media.pdq.PdqHasher;

public final class Exp1 {
    static final PdqBlockHasher B = new PdqBlockHasher();
    static PdqHash rh(RegionPlane p, Region r) { return B.hash(p.block(r)); }
    public static void main(String[] a) throws Exception {
        String root = "src/test/resources/conformance/pdq/images/";
        for (String f : new String[] {"dih/bridge-1-original.jpg", "labelme-subset/q0003.jpg", "labelme-subset/q2821.jpg", "pen-and-coaster.png"}) {
            BufferedImage o = ImageIO.read(new File(root + f));
            RegionPlane po = new RegionPlane(LumaPlane.of(o, 512));
            PdqHasher ph = new PdqHasher();
            System.out.println("== " + f + " q=" + rh(po, Region.FULL).quality() + " pdqVsRegionFull " + ph.hash(o).hash().distance(rh(po, Region.FULL).hash()));
            for (double c : new double[] {0.0, 0.02, 0.04, 0.12, 0.25}) {
                BufferedImage e = Edits.jpeg(Edits.scale(Edits.centredCrop(o, c), 0.5), 0.6f);
                BufferedImage ec = Edits.jpeg(Edits.caption(Edits.scale(Edits.centredCrop(o, c), 0.5), 0.08), 0.6f);
                RegionPlane pe = new RegionPlane(LumaPlane.of(e, 512));
                RegionPlane pec = new RegionPlane(LumaPlane.of(ec, 512));
                Region ideal = Region.anchored(1 - c, 1 - c, 0.5, 0.5);
                StringBuilder sb = new StringBuilder(String.format("crop %.2f ideal %d cap %d full %d | ", c,
                        rh(po, ideal).hash().distance(rh(pe, Region.FULL).hash()),
                        rh(po, ideal).hash().distance(rh(pec, Region.FULL).hash()),
                        rh(po, Region.FULL).hash().distance(rh(pe, Region.FULL).hash())));
                // misalign: scale error
                for (double d : new double[] {0.01, 0.02, 0.03, 0.04, 0.06}) {
                    Region zoom = Region.anchored(Math.min(1, (1 - c) * (1 + d)), Math.min(1, (1 - c) * (1 + d)), 0.5, 0.5);
                    Region shift = new Region(Math.min(1 - (1 - c), c / 2 + d * (1 - c)), c / 2, 1 - c, 1 - c);
                    Region shrink = Region.anchored((1 - c) * (1 - d), (1 - c) * (1 - d), 0.5, 0.5);
                    Region xonly = Region.anchored((1 - c) * (1 - d), 1 - c, 0.5, 0.5);
                    sb.append(String.format("d%.2f z%d s%d sh%d x%d  ", d,
                            rh(po, zoom).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, shift).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, shrink).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, xonly).hash().distance(rh(pe, Region.FULL).hash())));
                }
                System.out.println(sb);
            }
        }
    }
}
