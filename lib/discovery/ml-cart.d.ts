// ml-cart ships no type declarations; this is the part of its API discovery uses.
declare module "ml-cart" {
  export interface CartNode {
    splitColumn?: number;
    splitValue?: number;
    left?: CartNode;
    right?: CartNode;
    /** A leaf's class shares, a 1 × classes matrix (class i at column i). */
    distribution?: { columns: number; get(row: number, column: number): number };
  }
  export class DecisionTreeClassifier {
    constructor(options?: {
      gainFunction?: "gini";
      splitFunction?: "mean";
      minNumSamples?: number;
      maxDepth?: number;
      gainThreshold?: number;
    });
    root: CartNode;
    train(trainingSet: number[][], trainingLabels: number[]): void;
    predict(toPredict: number[][]): number[];
  }
}
