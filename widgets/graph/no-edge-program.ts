import type { Attributes } from 'graphology-types';
import type Sigma from 'sigma';
import { AbstractEdgeProgram } from 'sigma/rendering';

/** The edge type given to ties hidden while the layout moves. */
export const NO_EDGE = 'none';

/**
 * A sigma edge program that draws nothing. Sigma draws a hidden tie as a degenerate shape, on both its visible and
 * its picking pass, so 100,000 hidden ties still cost most of a software-rendered frame (≈ 2 of 3 s at 10,000 nodes);
 * ties of this type are left out of the drawing altogether.
 */
export class NoEdgeProgram<N extends Attributes = Attributes> extends AbstractEdgeProgram<N> {
  drawLabel = undefined;
  // sigma constructs edge programs with (gl, picking frame buffer, renderer).
  constructor(gl: WebGLRenderingContext, _pickingBuffer: WebGLFramebuffer | null, renderer: Sigma<N>) {
    super(gl, gl, renderer);
  }
  reallocate(): void {}
  process(): void {}
  render(): void {}
  kill(): void {}
}
