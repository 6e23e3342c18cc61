/** Charts of the pages, as the Chart.js configurations PrimeFaces' {@code p:chart} draws. */
package io.regulus.ui.chart;
