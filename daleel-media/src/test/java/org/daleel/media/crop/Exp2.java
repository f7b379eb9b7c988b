package org.daleel.media.crop;

import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;
import org.daleel.media.pdq.LumaPlane;
import org.daleel.media.pdq.PdqBlockHasher;
import org.daleel.media.pdq.PdqHash;

public final class Exp2 {
    static final PdqBlockHasher B = new PdqBlockHasher();
    static int mode;
    static double[] taper = new double[64];
    static PdqHash rh(RegionPlane p, Region r) {
        float[] b = p.block(r);
        if (mode == 0) return B.hash(b);
        double mean = 0; for (float v : b) mean += v; mean /= b.length;
        for (int j = 0; j < 64; j++) for (int i = 0; i < 64; i++) b[j*64+i] = (float) (mean + (b[j*64+i]-mean)*taper[i]*taper[j]);
        return B.hash(b);
    }
    public static void main(String[] a) throws Exception {
        String root = "src/test/resources/conformance/pdq/images/";
        for (mode = 0; mode < 4; mode++) {
            for (int i = 0; i < 64; i++) {
                double u = (i + 0.5) / 64; // 0..1
                double edge = Math.min(u, 1 - u); // 0..0.5
                double f = mode == 1 ? 0.15 : mode == 2 ? 0.3 : 0.5;
                taper[i] = edge >= f ? 1 : 0.5 - 0.5 * Math.cos(Math.PI * edge / f);
            }
            int[] tot = new int[6]; int n = 0;
            for (String f : new String[] {"dih/bridge-1-original.jpg", "labelme-subset/q2821.jpg", "labelme-subset/q0746.jpg", "pen-and-coaster.png", "labelme-subset/q1050.jpg"}) {
                BufferedImage o = ImageIO.read(new File(root + f));
                RegionPlane po = new RegionPlane(LumaPlane.of(o, 512));
                for (double c : new double[] {0.12, 0.25}) {
                    BufferedImage e = Edits.jpeg(Edits.scale(Edits.centredCrop(o, c), 0.5), 0.6f);
                    BufferedImage ec = Edits.jpeg(Edits.caption(Edits.scale(Edits.centredCrop(o, c), 0.5), 0.08), 0.6f);
                    RegionPlane pe = new RegionPlane(LumaPlane.of(e, 512));
                    RegionPlane pec = new RegionPlane(LumaPlane.of(ec, 512));
                    Region ideal = Region.anchored(1 - c, 1 - c, 0.5, 0.5);
                    double d = 0.02;
                    Region zoom = Region.anchored((1 - c) * (1 + d), (1 - c) * (1 + d), 0.5, 0.5);
                    Region shift = new Region(c / 2 + d * (1 - c), c / 2, 1 - c, 1 - c);
                    Region shifty = new Region(c / 2 + d * (1 - c)/2, c / 2 + d*(1-c)/2, 1 - c, 1 - c);
                    int[] ds = {rh(po, ideal).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, ideal).hash().distance(rh(pec, Region.FULL).hash()),
                            rh(po, zoom).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, shift).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, shifty).hash().distance(rh(pe, Region.FULL).hash()),
                            rh(po, ideal).hash().distance(rh(po, Region.anchored(0.5, 0.5, 0.3, 0.7)).hash())};
                    for (int k = 0; k < 6; k++) tot[k] += ds[k];
                    n++;
                }
            }
            System.out.printf("mode %d: ideal %.1f caption %.1f zoom2%% %.1f shift2%% %.1f diag1%% %.1f unrelated %.1f%n", mode,
                tot[0]/(double)n, tot[1]/(double)n, tot[2]/(double)n, tot[3]/(double)n, tot[4]/(double)n, tot[5]/(double)n);
        }
    }
}
