/** The {@link org.daleel.item.ItemAnalyzer} port on the text analyzer of this module. */
package org.daleel.analysis.item;
